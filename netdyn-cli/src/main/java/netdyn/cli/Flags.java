package netdyn.cli;

import java.util.Map;

import netdyn.BadInputException;

/**
 * Core names settings as Java does ({@code learningRate}, {@code batchSize}); the command line shows its
 * own flags. Most flags are the name in kebab case; the rest are listed.
 */
final class Flags {
    private static final Map<String, String> DIFFERENT = Map.of(
            "learningRate", "--lr",
            "hiddenRate", "--lr-hidden",
            "outputRate", "--lr-output",
            "epsilon", "--eps",
            "target", "--target-accuracy");

    private Flags() {
    }

    /** The flag of a core setting, e.g. "batchSize" → "--batch-size". */
    static String of(String parameter) {
        String flag = DIFFERENT.get(parameter);
        if (flag != null) {
            return flag;
        }
        StringBuilder b = new StringBuilder("--");
        for (char c : parameter.toCharArray()) {
            if (Character.isUpperCase(c)) {
                b.append('-').append(Character.toLowerCase(c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** The message a user sees: the setting's flag in place of its Java name. */
    static String message(BadInputException e) {
        return e.parameter() == null ? e.getMessage() : of(e.parameter()) + " " + e.detail();
    }
}

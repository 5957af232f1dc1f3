package netdyn.nn;

import java.util.Arrays;
import java.util.List;

import netdyn.BadInputException;

/**
 * How the last layer's pre-activations z become the outputs the loss sees: {@code softmax}
 * p = e^z / Σ e^z; {@code sigmoid-normalized} p = σ(z) / Σ σ(z) (the reference study's figures);
 * {@code linear} p = z.
 */
public enum OutputKind {
    SOFTMAX("softmax"),
    SIGMOID_NORMALIZED("sigmoid-normalized"),
    LINEAR("linear");

    private final String id;

    OutputKind(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static OutputKind parse(String s) {
        for (OutputKind o : values()) {
            if (o.id.equals(s)) {
                return o;
            }
        }
        throw BadInputException.of(OutputKind.class, "output", ": unknown output '" + s + "' (valid: "
                + String.join(", ", ids()) + ")");
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(OutputKind::id).toList();
    }
}

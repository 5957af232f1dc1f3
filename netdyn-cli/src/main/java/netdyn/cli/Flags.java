package netdyn.cli;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import netdyn.BadInputException;
import netdyn.analysis.DivergenceSpec;
import netdyn.atlas.DeepZoom;
import netdyn.data.Dataset;
import netdyn.data.DataSources;
import netdyn.lyapunov.SpectrumSpec;
import netdyn.nn.InitSpec;
import netdyn.series.KantzSpec;
import netdyn.series.LaminarPhasesSpec;
import netdyn.series.LocalExpansionRatesSpec;
import netdyn.series.MonotonicitySpec;
import netdyn.series.PermutationEntropySpec;
import netdyn.series.RosensteinSpec;
import netdyn.series.ZeroOneTestSpec;
import netdyn.sweep.Axis;
import netdyn.sweep.Measures;
import netdyn.sweep.SettingsMismatchException;

/**
 * Core names settings as Java does ({@code learningRate}, {@code batchSize}); the command line shows its
 * own flags. Most flags are the name in kebab case; the rest are listed, by name or, where two specs use
 * one name for different options (the horizon of Rosenstein's and of the expansion rates), by the spec
 * and name. FlagsTest checks that every setting core reports maps to an option its command has.
 */
final class Flags {
    private static final Map<String, String> DIFFERENT = Map.of(
            "learningRate", "--lr",
            "hiddenRate", "--lr-hidden",
            "outputRate", "--lr-output",
            "epsilon", "--eps",
            "target", "--target-accuracy");

    private static final Map<Class<?>, Map<String, String>> BY_OWNER = Map.ofEntries(
            Map.entry(RosensteinSpec.class, Map.of("dimension", "--embedding", "theilerWindow", "--theiler")),
            Map.entry(KantzSpec.class, Map.of("dimension", "--embedding", "theilerWindow", "--theiler",
                    "radius", "--kantz-radius", "minNeighbours", "--kantz-min-neighbours")),
            Map.entry(LocalExpansionRatesSpec.class, Map.of("radius", "--expansion-radius",
                    "references", "--expansion-references", "horizon", "--expansion-horizon",
                    "minFitEnd", "--expansion-min-fit", "significanceEnd", "--expansion-significance-end",
                    "theilerWindow", "--expansion-theiler")),
            Map.entry(LaminarPhasesSpec.class, Map.of("period", "--laminar-period",
                    "thresholdFraction", "--laminar-fraction", "absoluteThreshold", "--laminar-threshold",
                    "minLength", "--laminar-min-length")),
            Map.entry(ZeroOneTestSpec.class, Map.of("frequencies", "--zero-one-c",
                    "cutoffFraction", "--zero-one-cutoff")),
            Map.entry(PermutationEntropySpec.class, Map.of("delay", "--pe-delay")),
            Map.entry(MonotonicitySpec.class, Map.of("tolerance", "--rise-tolerance")),
            Map.entry(SpectrumSpec.class, Map.of("transient_", "--transient", "qrEvery", "--q")),
            Map.entry(DivergenceSpec.class, Map.of("epsilons", "--eps")),
            Map.entry(InitSpec.class, Map.of("weights", "--init", "biases", "--bias-init")),
            Map.entry(DataSources.class, Map.of("source", "--data")),
            Map.entry(Dataset.class, Map.of("trainSize", "--train")),
            Map.entry(Measures.class, Map.of("measures", "--measure")),
            Map.entry(DeepZoom.class, Map.of("levels", "--deep-zoom", "factor", "--zoom-factor",
                    "rates", "--lr-hidden", "target", "--zoom-target")),
            // a sweep's grids other than the learning rates come from the --vary-* options
            Map.entry(Axis.class, Map.of("hidden", "--vary-hidden", "activation", "--vary-activation",
                    "init", "--vary-init-sigma", "data", "--vary-data", "seed", "--vary-seed")));

    private Flags() {
    }

    /**
     * The flag of the setting {@code parameter} of {@code owner} (null: the name alone decides), e.g.
     * "batchSize" → "--batch-size".
     */
    static String of(Class<?> owner, String parameter) {
        String flag = owner == null ? null : BY_OWNER.getOrDefault(owner, Map.of()).get(parameter);
        if (flag == null) {
            flag = DIFFERENT.get(parameter);
        }
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

    /** Every flag listed above (FlagsTest checks that each is an option of some command). */
    static Set<String> listed() {
        Set<String> flags = new TreeSet<>(DIFFERENT.values());
        BY_OWNER.values().forEach(m -> flags.addAll(m.values()));
        return flags;
    }

    /** The message a user sees: every setting it names spelled as its flag. */
    static String message(BadInputException e) {
        if (e instanceof SettingsMismatchException m) { // core's advice names no options; these are ours
            return m.directory() + " holds a sweep with other settings (" + m.difference()
                    + "); use another --out, or --force to replace it";
        }
        return e.message(name -> of(e.owner(), name));
    }
}

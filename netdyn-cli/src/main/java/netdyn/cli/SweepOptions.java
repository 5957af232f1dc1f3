package netdyn.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import netdyn.BadInputException;
import netdyn.atlas.BoundaryPreset;
import netdyn.sweep.Axis;
import netdyn.sweep.Axis.Setting;
import netdyn.sweep.Measures;
import netdyn.sweep.SweepSpec;
import netdyn.sweep.ValueRange;
import picocli.CommandLine.Option;

/** The grid and protocol options of {@code netdyn sweep} (the learning-rate grid is --lr of the network options). */
final class SweepOptions {
    static final String DEFAULT_MEASURES = Measures.DEFAULT;

    @Option(names = "--lr-hidden", paramLabel = "GRID",
            description = "Learning rates of the hidden layers (with --lr-output: a trainability map; --lr is then "
                    + "ignored).")
    String lrHidden;

    @Option(names = "--lr-output", paramLabel = "GRID", description = "Learning rates of the output layer.")
    String lrOutput;

    @Option(names = "--zoom", paramLabel = "H0:H1,O0:O1",
            description = "Resample this window of a trainability map (--lr-hidden and --lr-output ranges) at the "
                    + "same resolution.")
    String zoom;

    @Option(names = "--deep-zoom", paramLabel = "LEVELS",
            description = "Zoom the trainability map into its own boundary: LEVELS maps (level 0 is the one given), "
                    + "each window --zoom-factor times narrower, centred on the boundary (--zoom-target), with the "
                    + "boundary's box-counting dimension at every level (--inits defaults to 1).")
    Integer deepZoom;

    @Option(names = "--zoom-factor", defaultValue = "10", paramLabel = "F",
            description = "How much narrower each deep-zoom level is (default: ${DEFAULT-VALUE}).")
    double zoomFactor;

    @Option(names = "--zoom-target", defaultValue = "nearest", paramLabel = "nearest|densest",
            description = "Where each deep-zoom window is centred: the boundary cell nearest the last window's "
                    + "centre (a zoom into one point of the boundary) or the one with the most boundary around it "
                    + "(default: ${DEFAULT-VALUE}).")
    String zoomTarget;

    @Option(names = "--preset", paramLabel = "ID",
            description = "A published trainability map: sohl-dickstein-tanh, -relu, -identity, -minibatch or "
                    + "-single-point (Sohl-Dickstein 2024: his network, data, init, 500 steps and first window, "
                    + "65 rates per axis; --lr-hidden/--lr-output, --steps, --inits, --seed may still be given).")
    String preset;

    @Option(names = "--vary-hidden", paramLabel = "W;W,W;...",
            description = "Hidden-layer grid: networks separated by ';' (or ',' when every network has one layer).")
    String varyHidden;

    @Option(names = "--vary-activation", paramLabel = "A,A", description = "Activation grid, e.g. sigmoid,tanh,relu.")
    String varyActivation;

    @Option(names = "--vary-init-sigma", paramLabel = "GRID", description = "Grid of σ for weight init normal:σ.")
    String varyInitSigma;

    @Option(names = "--vary-data", paramLabel = "D,D", description = "Dataset grid, e.g. iris,wine.")
    String varyData;

    @Option(names = "--vary-seed", paramLabel = "GRID", description = "Grid of master seeds (whole numbers).")
    String varySeed;

    @Option(names = "--inits", defaultValue = "3", description = "Initialisations per grid point "
            + "(default: ${DEFAULT-VALUE}).")
    int inits;

    @Option(names = "--replicas", defaultValue = "4", description = "Perturbed replicas per task for the nMLE "
            + "(default: ${DEFAULT-VALUE}).")
    int replicas;

    @Option(names = "--steps", defaultValue = "2000", description = "Training steps per task (default: ${DEFAULT-VALUE}).")
    long steps;

    @Option(names = "--eps", defaultValue = "1e-8", description = "Replica perturbation size (default: ${DEFAULT-VALUE}).")
    double eps;

    @Option(names = "--measure", defaultValue = DEFAULT_MEASURES, paramLabel = "M,M",
            description = "loss, accuracy, nmle, twin, spectrum:K|spectrum:all, sharpness, series "
                    + "(default: ${DEFAULT-VALUE}).")
    String measure;

    @Option(names = "--tail", defaultValue = "64", description = "Last loss values kept per task for the bifurcation "
            + "diagram (default: ${DEFAULT-VALUE}).")
    int tail;

    @Option(names = "--tail-weight", paramLabel = "INDEX", defaultValue = "-1",
            description = "Also keep the last --tail values of θ[INDEX] (a bifurcation diagram of one weight; "
                    + "θ order: per layer W [fan_in][fan_out] row-major, then b). Default: none.")
    int tailWeight;

    @Option(names = "--target-accuracy", defaultValue = "0.9", paramLabel = "A",
            description = "Record the first step with test accuracy >= A (default: ${DEFAULT-VALUE}).")
    double target;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores).")
    Integer threads;

    @Option(names = "--shard", paramLabel = "I/N", description = "Run only shard I of N (1-based; tasks dealt "
            + "round-robin); join the shards' directories with --merge.")
    String shard;

    @Option(names = "--engine", defaultValue = "local", paramLabel = "local|spark",
            description = "Where the tasks run: this machine's threads (local, default) or Apache Spark (spark, with "
                    + "--master; ./netdyn puts Spark's jars on the class path). Same rows either way.")
    String engine;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master for --engine spark: local[N], local-cluster[W,C,MB], spark://host:7077, "
                    + "yarn, k8s://… (default: the one spark-submit gives, else local[*]).")
    String master;

    @Option(names = "--merge", arity = "1..*", paramLabel = "DIR",
            description = "Join the result stores of these sweep directories (shards) into --out.")
    List<Path> merge;

    int threadCount() {
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (n < 1) {
            throw new BadInputException("--threads must be >= 1 (got " + n + ")");
        }
        return n;
    }

    /** {shard index (0-based), shard count}. */
    int[] shard() {
        if (shard == null) {
            return new int[] {0, 1};
        }
        String[] parts = shard.trim().split("/");
        try {
            int i = Integer.parseInt(parts[0].trim());
            int n = Integer.parseInt(parts[1].trim());
            if (parts.length != 2 || n < 1 || i < 1 || i > n) {
                throw new BadInputException("--shard " + shard + ": I must be between 1 and N (got I = " + i + ", N = "
                        + n + ")");
            }
            return new int[] {i - 1, n};
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            throw new BadInputException("--shard " + shard + ": expected I/N, e.g. 1/4");
        }
    }

    /** The network options a preset fixes (its data, network and init); giving one with --preset is an error. */
    static final List<String> PRESET_FIXES = List.of("--data", "--train", "--test", "--shuffle", "--label-column",
            "--standardize", "--hidden", "--activation", "--output", "--loss", "--weight-decay", "--init",
            "--bias-init", "--lr", "--momentum", "--batch-size", "--vary-hidden", "--vary-activation",
            "--vary-init-sigma", "--vary-data", "--vary-seed", "--zoom", "--tail", "--tail-weight");

    /** Rates per axis of a preset's map unless --lr-hidden/--lr-output say otherwise. */
    static final int PRESET_SIDE = 65;

    /**
     * The sweep of {@code --preset}: the preset's map, with the grid, steps, inits, measures and seed the command
     * line gives instead of the preset's.
     */
    SweepSpec presetSpec(NetworkOptions network, picocli.CommandLine.ParseResult given) {
        BoundaryPreset p = BoundaryPreset.parse(preset);
        for (String option : PRESET_FIXES) {
            if (given.hasMatchedOption(option)) {
                throw new BadInputException(option + ": --preset " + p.id() + " fixes the data, network, init and "
                        + "optimizer; leave " + option + " out (or leave out --preset)");
            }
        }
        long t = given.hasMatchedOption("--steps") ? steps : BoundaryPreset.STEPS;
        SweepSpec map = p.map(PRESET_SIDE, t, network.seed);
        List<Axis> axes = map.axes();
        requireBothRates();
        if (lrHidden != null) {
            axes = List.of(Axis.numeric(Setting.HIDDEN_RATE, positive("--lr-hidden",
                    ValueRange.parse("--lr-hidden", lrHidden))), Axis.numeric(Setting.OUTPUT_RATE,
                    positive("--lr-output", ValueRange.parse("--lr-output", lrOutput))));
        }
        return new SweepSpec(map.base(), axes, given.hasMatchedOption("--inits") ? inits : 1,
                given.hasMatchedOption("--replicas") ? replicas : map.replicas(), eps,
                given.hasMatchedOption("--measure") ? Measures.parse(measure) : map.measures(), map.tail(), target,
                map.tailWeight());
    }

    SweepSpec spec(NetworkOptions network) {
        List<Axis> axes = new ArrayList<>();
        if (varyData != null) {
            axes.add(Axis.listed(Setting.DATA, varyData));
        }
        if (varyHidden != null) {
            axes.add(Axis.listed(Setting.HIDDEN, varyHidden));
        }
        if (varyActivation != null) {
            axes.add(Axis.listed(Setting.ACTIVATION, varyActivation));
        }
        if (varyInitSigma != null) {
            double[] s = ValueRange.parse("--vary-init-sigma", varyInitSigma);
            List<String> inits = new ArrayList<>();
            for (double v : s) {
                if (!(v > 0)) {
                    throw new BadInputException("--vary-init-sigma: σ must be > 0 (got " + v + ")");
                }
                inits.add("normal:" + v);
            }
            axes.add(new Axis(Setting.INIT, inits));
        }
        if (varySeed != null) {
            List<String> seeds = new ArrayList<>();
            for (double v : ValueRange.parse("--vary-seed", varySeed)) {
                if (v != Math.rint(v)) {
                    throw new BadInputException("--vary-seed: seeds must be whole numbers (got " + v + ")");
                }
                seeds.add(Long.toString((long) v));
            }
            axes.add(new Axis(Setting.SEED, seeds));
        }
        requireBothRates();
        if (lrHidden != null) {
            String[] window = zoomWindow();
            axes.add(Axis.numeric(Setting.HIDDEN_RATE, zoomed("--lr-hidden", lrHidden,
                    window == null ? null : window[0])));
            axes.add(Axis.numeric(Setting.OUTPUT_RATE, zoomed("--lr-output", lrOutput,
                    window == null ? null : window[1])));
        } else {
            if (zoom != null) {
                throw new BadInputException("--zoom needs a trainability map (--lr-hidden and --lr-output)");
            }
            axes.add(Axis.numeric(Setting.LEARNING_RATE, positive("--lr", ValueRange.parse("--lr", network.lr))));
        }
        if (threads != null && threads < 1) {
            throw new BadInputException("--threads must be >= 1 (got " + threads + ")");
        }
        // η is a placeholder in the base run: every task's rates come from its grid point
        return new SweepSpec(network.spec(1, steps), axes, inits, replicas, eps, Measures.parse(measure), tail, target,
                tailWeight);
    }

    /** --lr-hidden and --lr-output come together or not at all. */
    private void requireBothRates() {
        if ((lrHidden == null) != (lrOutput == null)) {
            throw new BadInputException((lrHidden == null ? "--lr-output" : "--lr-hidden") + " needs "
                    + (lrHidden == null ? "--lr-hidden" : "--lr-output") + " too (a trainability map has both axes)");
        }
    }

    private String[] zoomWindow() {
        if (zoom == null) {
            return null;
        }
        String[] w = zoom.trim().split(",");
        if (w.length != 2 || w[0].split(":").length != 2 || w[1].split(":").length != 2) {
            throw new BadInputException("--zoom " + zoom + ": expected H0:H1,O0:O1 (a window of hidden and output "
                    + "learning rates)");
        }
        return w;
    }

    /** The grid of {@code text}, or with a zoom window: the window's ends, the same count and spacing. */
    private static double[] zoomed(String option, String text, String window) {
        double[] grid = positive(option, ValueRange.parse(option, text));
        if (window == null) {
            return grid;
        }
        String[] parts = text.trim().split(":");
        String spacing = parts.length == 4 ? parts[2].trim() : "lin";
        if (parts.length < 3) {
            throw new BadInputException("--zoom needs " + option + " given as a range FROM:TO:log:N (got '" + text + "')");
        }
        String[] ends = window.split(":");
        return ValueRange.parse("--zoom", ends[0] + ":" + ends[1] + ":" + spacing + ":" + grid.length);
    }

    private static double[] positive(String option, double[] values) {
        for (double v : values) {
            if (!(v > 0)) {
                throw new BadInputException(option + ": learning rates must be > 0 (got " + v + ")");
            }
        }
        return values;
    }
}

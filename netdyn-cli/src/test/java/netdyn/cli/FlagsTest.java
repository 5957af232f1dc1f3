package netdyn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import netdyn.BadInputException;
import netdyn.analysis.DivergenceSpec;
import netdyn.analysis.SharpnessRun;
import netdyn.analysis.TrainingRun;
import netdyn.atlas.AtlasQuality;
import netdyn.atlas.BoundaryPreset;
import netdyn.atlas.DeepZoom;
import netdyn.data.CsvLoader;
import netdyn.data.DataSources;
import netdyn.dynamics.OptimizerSpec;
import netdyn.dynamics.ReferenceSystems;
import netdyn.dynamics.UpdateRule;
import netdyn.lyapunov.FiniteTimeFit;
import netdyn.lyapunov.SpectrumSpec;
import netdyn.nn.Activation;
import netdyn.nn.InitSpec;
import netdyn.nn.LossKind;
import netdyn.nn.MlpLayout;
import netdyn.nn.MlpSpec;
import netdyn.nn.OutputKind;
import netdyn.run.DataSpec;
import netdyn.run.NetworkSpec;
import netdyn.run.RunSpec;
import netdyn.series.AutocorrelationSpec;
import netdyn.series.FitRange;
import netdyn.series.KantzSpec;
import netdyn.series.LaminarPhasesSpec;
import netdyn.series.LocalExpansionRatesSpec;
import netdyn.series.MonotonicitySpec;
import netdyn.series.PeriodogramSpec;
import netdyn.series.PermutationEntropySpec;
import netdyn.series.RosensteinSpec;
import netdyn.series.ZeroOneTestSpec;
import netdyn.sweep.Axis;
import netdyn.sweep.Axis.Setting;
import netdyn.sweep.LocalSweep;
import netdyn.sweep.Measures;
import netdyn.sweep.ResultStore;
import netdyn.sweep.SweepSpec;
import netdyn.sweep.TaskMeasurer;
import netdyn.sweep.ValueRange;
import picocli.CommandLine;

/**
 * Core reports a bad setting by its Java name and the command line shows the flag (Flags). For every setting
 * core checks, a bad value is made here and the line a user would read is compared; every flag it names must
 * be an option of the command that takes that setting, so a renamed option or setting fails here instead of
 * sending users to an option that does not exist. A source scan makes sure no setting core names is missed.
 */
class FlagsTest {
    private static final CommandLine CLI = new CommandLine(new Main());
    private static final RunSpec BASE = RunSpec.study(0.1, 10);
    private static final Measures LOSS = Measures.parse("loss");

    @TempDir
    Path tmp;

    /** One bad value: the command whose options set it, the core call that rejects it, the line a user reads. */
    private record Case(String command, Call call, String shown) {
    }

    @FunctionalInterface
    private interface Call {
        void run() throws Exception;
    }

    private final List<Case> cases = new ArrayList<>();

    private void bad(String command, Call call, String shown) {
        cases.add(new Case(command, call, shown));
    }

    private List<Case> everySettingCoreChecks() throws IOException {
        String t = "train";
        String s = "series";
        String sw = "sweep";
        // the run: data, network, init, optimizer, steps (RunSpec and the specs it is built from)
        bad(t, () -> RunSpec.study(0, 10), "--lr must be a finite number > 0 (got 0.0)");
        bad(sw, () -> BASE.withHiddenRate(-1), "--lr-hidden must be a finite number > 0 (got -1.0)");
        bad(t, () -> new RunSpec(DataSpec.of("iris"), NetworkSpec.STUDY, InitSpec.STUDY, 0.1, Double.NaN, 1, 0, 10,
                0), "--momentum must be in [0, 1) (got 1.0)");
        bad(t, () -> new RunSpec(DataSpec.of("iris"), NetworkSpec.STUDY, InitSpec.STUDY, 0.1, Double.NaN, 0, -1, 10,
                0), "--batch-size must be >= 1, or 0 for full batch (got -1)");
        bad(t, () -> BASE.withSteps(0), "--steps must be >= 1 (got 0)");
        bad(t, () -> new DataSpec("iris", null, null, 0, false), "--train must be >= 1 (got 0)");
        bad(t, () -> new DataSpec("iris", null, null, null, -1, false), "--test must be >= 0 (got -1)");
        bad(t, () -> new DataSpec("iris", null, null, 1000, false).load(),
                "--train must be between 1 and 150, the number of rows of iris (got 1000)");
        bad(t, () -> new DataSpec(" ", null, null, null, false), "--data is empty; " + DataSources.validForms());
        bad(t, () -> new NetworkSpec(new int[] {0}, Activation.SIGMOID, OutputKind.SOFTMAX, LossKind.CE, 0),
                "--hidden layer widths must be >= 1 (got 0); none (no hidden layer) for a linear model");
        bad(t, () -> NetworkSpec.parseHidden("x"), "--hidden 'x' is not a layer width (use e.g. 10, 32,32 or none)");
        bad(t, () -> new NetworkSpec(new int[] {10}, Activation.SIGMOID, OutputKind.LINEAR, LossKind.CE, 0),
                "--loss ce needs the softmax or sigmoid-normalized output (cross-entropy of linear outputs is "
                        + "undefined); use mse with the linear output");
        bad(t, () -> new NetworkSpec(new int[] {10}, Activation.SIGMOID, OutputKind.SOFTMAX, LossKind.CE, -1),
                "--weight-decay must be a finite number >= 0 (got -1.0)");
        bad(t, () -> new MlpSpec(4, new int[] {0}, 3, Activation.SIGMOID, OutputKind.SOFTMAX, LossKind.CE, 0),
                "--hidden layer widths must be >= 1 (got 0); no hidden layer (an empty array) for a linear model");
        bad(t, () -> new MlpSpec(4, new int[] {10}, 3, Activation.SIGMOID, OutputKind.LINEAR, LossKind.CE, 0),
                "--loss ce needs the softmax or sigmoid-normalized output (cross-entropy of linear outputs is "
                        + "undefined); use mse with the linear output");
        bad(t, () -> new MlpSpec(4, new int[] {10}, 3, Activation.SIGMOID, OutputKind.SOFTMAX, LossKind.CE, -1),
                "--weight-decay must be a finite number >= 0 (got -1.0)");
        bad(t, () -> Activation.parse("swish"), "--activation: unknown activation 'swish' (valid: sigmoid, tanh, "
                + "relu, linear)");
        bad(t, () -> OutputKind.parse("softplus"), "--output: unknown output 'softplus' (valid: softmax, "
                + "sigmoid-normalized, linear)");
        bad(t, () -> LossKind.parse("hinge"), "--loss: unknown loss 'hinge' (valid: ce, mse)");
        bad(t, () -> UpdateRule.parse("adagrad"), "--optimizer: unknown optimizer 'adagrad' (valid: gd, momentum, "
                + "nesterov, rmsprop, adam)");
        bad(t, () -> new RunSpec(DataSpec.of("iris"), NetworkSpec.STUDY, InitSpec.STUDY, 1, Double.NaN, 0.9, 0, 10, 0,
                UpdateRule.parse("adam")),
                "--momentum applies to heavy ball only: give its β in --optimizer (adam:beta1=0.9,beta2=0.999,"
                        + "eps=1.0E-8) instead of both");
        bad(t, () -> InitSpec.parse("foo", "zero"), "--init: unknown initialisation 'foo' (valid: "
                + "normal:SIGMA[,SIGMA...], uniform:A[,A...], glorot, he)");
        bad(t, () -> InitSpec.parse("glorot:1", "zero"), "--init: 'glorot' takes no value (got 'glorot:1')");
        bad(t, () -> InitSpec.parse("normal", "const:x"), "--bias-init: 'const:x' needs a number after 'const:' "
                + "(valid: zero, none, normal:SIGMA, uniform:A, const:C)");
        bad(t, () -> InitSpec.parse("uniform:-1", "zero"), "--init: the scale in 'uniform:-1' must be a finite "
                + "number >= 0");
        bad(t, () -> new OptimizerSpec(0, 0, 0, 0), "--lr must be a finite number > 0 (got 0.0)");
        bad(t, () -> new OptimizerSpec(0.1, 1, 0, 0), "--momentum must be in [0, 1) (got 1.0)");
        bad(t, () -> new OptimizerSpec(0.1, 0, -1, 0), "--batch-size must be >= 1, or 0 for full batch (got -1)");
        bad(sw, () -> OptimizerSpec.perLayer(0, 1, 2), "--lr-hidden must be a finite number > 0 (got 0.0)");
        bad(sw, () -> OptimizerSpec.perLayer(1, 0, 2), "--lr-output must be a finite number > 0 (got 0.0)");
        bad(sw, () -> new OptimizerSpec(1, 0, 0, 0, new double[] {-1, 1}),
                "--lr-hidden must be a finite number > 0 (got -1.0 for layer 0 of 2)");
        bad(sw, () -> new OptimizerSpec(0.5, 0, 0, 0, new double[] {0.1, 0.2}),
                "--lr-output must equal --lr when layer rates are given (got 0.2 and --lr 0.5)");
        // data sources
        bad(t, () -> DataSources.load("irsi", null, null), "--data: unknown dataset 'irsi'; "
                + DataSources.validForms());
        bad(t, () -> DataSources.load("", null, null), "--data is empty; " + DataSources.validForms());
        bad(t, () -> DataSources.load("iris", "0", null), "--label-column applies only to csv: data (got --data "
                + "iris)");
        bad(t, () -> DataSources.load("moons:foo=1", null, null), "--data moons:foo=1: unknown parameter 'foo' "
                + "(valid: n, noise, seed)");
        bad(t, () -> DataSources.load("moons:n=2", null, null), "--data moons:n=2: n must be at least 4 (got 2)");
        bad(t, () -> DataSources.load("moons:noise=-1", null, null), "--data moons:noise=-1: noise must be a "
                + "finite number >= 0 (got -1.0)");
        bad(t, () -> DataSources.load("moons:n", null, null), "--data moons:n: expected name=value, got 'n'");
        bad(t, () -> DataSources.load("moons:n=x", null, null), "--data moons:n=x: n=x is not a number");
        Path csv = Files.writeString(tmp.resolve("d.csv"), "a,b,label\n1,2,0\n3,4,1\n");
        bad(t, () -> CsvLoader.load(csv, "9"), "--label-column 9 is outside the 3 columns of " + csv
                + " (use 0..2 or -1..-3)");
        bad(t, () -> CsvLoader.load(csv, "nosuch"), "--label-column 'nosuch' is not a column name in the header of "
                + csv + " (names: a, b, label)");
        bad(t, () -> DataSources.load("iris", null, null).split(0),
                "--train must be between 1 and the dataset size 150 (got 0)");
        // the training loop and the sharpness run
        MlpSpec study = MlpSpec.study(4, 3);
        OptimizerSpec gd = OptimizerSpec.gradientDescent(0.1);
        double[] theta = new double[new MlpLayout(study).parameterCount()];
        bad(t, () -> new TrainingRun(study, null, null, gd).run(theta, 0, 1, null), "--steps must be >= 1 (got 0)");
        bad(t, () -> new TrainingRun(study, null, null, gd).run(theta, 5, 0, null),
                "--record-every must be >= 1 (got 0)");
        bad("sharpness", () -> new SharpnessRun(study, null, gd).run(theta, 5, 0, 1, 5, new long[0], 1e-6, 0, null),
                "--every must be >= 1 (got 0)");
        // lyapunov
        String l = "lyapunov";
        bad(l, () -> new SpectrumSpec(0, 0, 1, 1, false, 0), "--steps must be >= 1 (got 0)");
        bad(l, () -> new SpectrumSpec(1, -1, 1, 1, false, 0), "--transient must be >= 0 (got -1)");
        bad(l, () -> new SpectrumSpec(1, 0, 0, 1, false, 0), "--k must be >= 1 or 'all' (got 0)");
        bad(l, () -> new SpectrumSpec(1, 0, 1, 0, false, 0), "--q must be >= 1 (got 0)");
        bad(l, () -> new SpectrumSpec(1, 0, 5, 1, false, 0).forDimension(2), "--k 5 exceeds the dimension 2 of the "
                + "system");
        String systems = String.join(", ", ReferenceSystems.names());
        bad(l, () -> ReferenceSystems.parse(" "), "--system is empty (valid: " + systems + ")");
        bad(l, () -> ReferenceSystems.parse("foo"), "--system: unknown system 'foo' (valid: " + systems + ")");
        bad(l, () -> ReferenceSystems.parse("henon:a"), "--system henon: expected key=value, got 'a'");
        bad(l, () -> ReferenceSystems.parse("henon:z=1"), "--system henon: unknown parameter 'z' (valid: a, b)");
        bad(l, () -> ReferenceSystems.parse("henon:a=1,a=2"), "--system henon: parameter 'a' is given twice");
        bad(l, () -> ReferenceSystems.parse("henon:a=x"), "--system henon: a must be a number (got 'x')");
        bad(l, () -> ReferenceSystems.parse("logistic:r=-5"), "--system logistic: r must be a finite number > 0 "
                + "(got -5.0)");
        // divergence
        String d = "divergence";
        bad(d, () -> DivergenceSpec.Norm.parse("l3"), "--norm: unknown norm 'l3' (valid: l1, l2, linf)");
        bad(d, () -> divergence(0, 1, new double[] {1e-8}, 10, 0, 1), "--inits must be >= 1 (got 0)");
        bad(d, () -> divergence(1, 0, new double[] {1e-8}, 10, 0, 1), "--replicas must be >= 1 (got 0)");
        bad(d, () -> divergence(1, 1, new double[0], 10, 0, 1), "--eps: no perturbation size given");
        bad(d, () -> divergence(1, 1, new double[] {1e-8, 0}, 10, 0, 1), "--eps values must be finite and > 0 (got "
                + "0.0)");
        bad(d, () -> divergence(1, 1, new double[] {1e-8}, 0, 0, 1), "--steps must be >= 1 (got 0)");
        bad(d, () -> divergence(1, 1, new double[] {1e-8}, 50, 500, 1),
                "--perturb-at must be in [0, --steps) = [0, 50) (got 500)");
        bad(d, () -> divergence(1, 1, new double[] {1e-8}, 10, 0, 0), "--threads must be >= 1 (got 0)");
        // a sweep's run options and the atlas's quality
        bad(sw, () -> new LocalSweep.Options(0, 1, 0, null), "--threads must be >= 1 (got 0)");
        bad(sw, () -> netdyn.sweep.SweepEngine.open("flink", null), "--engine flink: not on the class path "
                + "(found: none); ./netdyn adds netdyn-spark and Spark's jars for this engine, spark-submit needs the "
                + "netdyn-spark jar");
        bad(sw, () -> new LocalSweep.Options(2, 2, 1, null),
                "--shard must be between 0 and shards − 1 for shards >= 1 (got shard 2 of 2)");
        bad("atlas", () -> AtlasQuality.parse("best"), "--quality must be one of quick, default, high (got 'best')");
        bad("atlas", () -> netdyn.atlas.AtlasPreset.parse("paper"),
                "--preset must be one of study, followup (got 'paper')");
        bad("atlas", () -> netdyn.atlas.AtlasPlan.of(BASE, AtlasQuality.QUICK).withTarget(1.5),
                "--target-accuracy must be in (0, 1] (got 1.5)");
        // series
        bad(s, () -> new AutocorrelationSpec(0, 10, 3, 97, 0), "--lags must be >= 1 (got 0)");
        bad(s, () -> new AutocorrelationSpec(5, -1, 3, 97, 0), "--shuffles must be >= 0 (got -1)");
        bad(s, () -> new AutocorrelationSpec(5, 10, 3, 2, 0),
                "--band percentiles must satisfy 0 <= lower < upper <= 100 (got 3.0, 2.0)");
        bad(s, () -> new PeriodogramSpec(0, false, 100, 0.01), "--peaks must be >= 1 (got 0)");
        bad(s, () -> new PeriodogramSpec(5, false, 1, 0.01), "--max-period must be >= 2 (got 1)");
        bad(s, () -> new PeriodogramSpec(5, false, 100, 1), "--period-tolerance must be in (0, 1) (got 1.0)");
        bad(s, () -> new MonotonicitySpec(-1), "--rise-tolerance must be a finite number >= 0 (got -1.0)");
        bad(s, () -> new LaminarPhasesSpec(0, 0.1, Double.NaN, 10), "--laminar-period must be >= 1 (got 0)");
        bad(s, () -> new LaminarPhasesSpec(1, 0, Double.NaN, 10),
                "--laminar-fraction must be a finite number > 0 (got 0.0)");
        bad(s, () -> new LaminarPhasesSpec(1, 0.1, -1, 10),
                "--laminar-threshold must be a finite number >= 0 (got -1.0)");
        bad(s, () -> new LaminarPhasesSpec(1, 0.1, Double.NaN, 1),
                "--laminar-min-length must be >= --laminar-period + 1 = 2 (got 1)");
        bad(s, () -> new ZeroOneTestSpec(0, 0.1, 0), "--zero-one-c must be >= 1 (got 0)");
        bad(s, () -> new ZeroOneTestSpec(100, 0.6, 0), "--zero-one-cutoff must be in (0, 0.5] (got 0.6)");
        bad(s, () -> new PermutationEntropySpec(9, 1), "--order must be between 2 and 8 (got 9)");
        bad(s, () -> new PermutationEntropySpec(4, 0), "--pe-delay must be >= 1 (got 0)");
        FitRange auto = FitRange.auto();
        bad(s, () -> new RosensteinSpec(0, 1, 10, 20, auto), "--embedding must be >= 1 (got 0)");
        bad(s, () -> new RosensteinSpec(2, 0, 10, 20, auto), "--delay must be >= 1 (got 0)");
        bad(s, () -> new RosensteinSpec(2, 1, -1, 20, auto), "--theiler must be >= 0 (got -1)");
        bad(s, () -> new RosensteinSpec(2, 1, 10, 1, auto), "--horizon must be >= 2 (got 1)");
        bad(s, () -> new RosensteinSpec(2, 1, 10, 20, null), "--fit-range must be 'auto' or FROM:TO");
        bad(s, () -> new RosensteinSpec(2, 1, 10, 20, FitRange.of(1, 30)), "--fit-range 1:30 ends after --horizon 20");
        bad(s, () -> FitRange.of(5, 6), "--fit-range must be 'auto' or FROM:TO with 0 <= FROM and TO >= FROM + 2, "
                + "at least 3 points (got 5:6)");
        bad(s, () -> new KantzSpec(0, 1, 10, 20, 0.01, 1, auto), "--embedding must be >= 1 (got 0)");
        bad(s, () -> new KantzSpec(2, 0, 10, 20, 0.01, 1, auto), "--delay must be >= 1 (got 0)");
        bad(s, () -> new KantzSpec(2, 1, -1, 20, 0.01, 1, auto), "--theiler must be >= 0 (got -1)");
        bad(s, () -> new KantzSpec(2, 1, 10, 1, 0.01, 1, auto), "--horizon must be >= 2 (got 1)");
        bad(s, () -> new KantzSpec(2, 1, 10, 20, 0.01, 1, FitRange.of(1, 30)),
                "--fit-range 1:30 ends after --horizon 20");
        bad(s, () -> new KantzSpec(2, 1, 10, 20, 0, 1, auto), "--kantz-radius must be a finite number > 0 (got 0.0)");
        bad(s, () -> new KantzSpec(2, 1, 10, 20, 0.01, 0, auto), "--kantz-min-neighbours must be >= 1 (got 0)");
        bad(s, () -> expansion(0, 1000, 24, 5, 10, 0.05, 0, 40),
                "--expansion-radius must be a finite number > 0 (got 0.0)");
        bad(s, () -> expansion(5e-5, 0, 24, 5, 10, 0.05, 0, 40), "--expansion-references must be >= 1 (got 0)");
        bad(s, () -> expansion(5e-5, 1000, 2, 5, 10, 0.05, 0, 40), "--expansion-horizon must be >= 3 (got 2)");
        bad(s, () -> expansion(5e-5, 1000, 24, 30, 10, 0.05, 0, 40),
                "--expansion-min-fit must be between 4 and --expansion-horizon + 1 = 25 (got 30)");
        bad(s, () -> expansion(5e-5, 1000, 24, 5, 30, 0.05, 0, 40),
                "--expansion-significance-end must be between 3 and --expansion-horizon 24 (got 30)");
        bad(s, () -> expansion(5e-5, 1000, 24, 5, 10, 1, 0, 40), "--alpha must be in (0, 1) (got 1.0)");
        bad(s, () -> expansion(5e-5, 1000, 24, 5, 10, 0.05, -1, 40), "--expansion-theiler must be >= 0 (got -1)");
        bad(s, () -> expansion(5e-5, 1000, 24, 5, 10, 0.05, 0, 0), "--bins must be >= 1 (got 0)");
        // sweeps
        List<Axis> lr = List.of(Axis.numeric(Setting.LEARNING_RATE, new double[] {0.5}));
        bad(sw, () -> new SweepSpec(BASE, lr, 0, 1, 1e-8, LOSS, 8, 0.9), "--inits must be >= 1 (got 0)");
        bad(sw, () -> new SweepSpec(BASE, lr, 1, 0, 1e-8, LOSS, 8, 0.9), "--replicas must be >= 1 (got 0)");
        bad(sw, () -> new SweepSpec(BASE.withSteps(1), lr, 1, 1, 1e-8, LOSS, 8, 0.9),
                "--steps must be between 2 and 2147483646 (got 1)");
        bad(sw, () -> new SweepSpec(BASE, lr, 1, 1, 0, LOSS, 8, 0.9), "--eps must be a finite number > 0 (got 0.0)");
        bad(sw, () -> new SweepSpec(BASE, lr, 1, 1, 1e-8, LOSS, 0, 0.9), "--tail must be >= 1 (got 0)");
        bad(sw, () -> new SweepSpec(BASE, lr, 1, 1, 1e-8, LOSS, 8, 2), "--target-accuracy must be in (0, 1] (got 2.0)");
        bad(sw, () -> new SweepSpec(BASE, lr, 1, 1, 1e-8, LOSS, 8, 0.9, -5),
                "--tail-weight must be a parameter index >= 0 (got -5)");
        bad(sw, () -> TaskMeasurer.requireTailWeight(new SweepSpec(BASE, lr, 1, 1, 1e-8, LOSS, 8, 0.9, 1000),
                new MlpLayout(study)), "--tail-weight 1000 is outside θ of the 4-10-3 network (P = 83, indices "
                + "0..82)");
        bad(sw, () -> Measures.parse(""), "--measure: nothing to measure (valid: loss, accuracy, nmle, twin, "
                + "spectrum:K, spectrum:all, sharpness, series)");
        bad(sw, () -> Measures.parse("spectrum:0"), "--measure: 'spectrum:0' needs spectrum:K with K >= 1, or "
                + "spectrum:all");
        bad(sw, () -> Measures.parse("loss,bogus"), "--measure: unknown measure 'bogus' (valid: loss, accuracy, "
                + "nmle, twin, spectrum:K, spectrum:all, sharpness, series)");
        bad(sw, () -> Axis.numeric(Setting.LEARNING_RATE, new double[0]), "--lr grid is empty");
        bad(sw, () -> Axis.numeric(Setting.HIDDEN_RATE, new double[0]), "--lr-hidden grid is empty");
        bad(sw, () -> Axis.numeric(Setting.OUTPUT_RATE, new double[0]), "--lr-output grid is empty");
        bad(sw, () -> Axis.listed(Setting.HIDDEN, " "), "--vary-hidden grid is empty");
        bad(sw, () -> Axis.listed(Setting.ACTIVATION, "tanh,,relu"),
                "--vary-activation grid has an empty value in 'tanh,,relu'");
        bad(sw, () -> new Axis(Setting.INIT, List.of()), "--vary-init-sigma grid is empty");
        bad(sw, () -> Axis.listed(Setting.DATA, "iris,,wine"), "--vary-data grid has an empty value in 'iris,,wine'");
        bad(sw, () -> new Axis(Setting.SEED, List.of()), "--vary-seed grid is empty");
        SweepSpec map17 = new SweepSpec(BASE, List.of(Axis.numeric(Setting.HIDDEN_RATE, ValueRange.parse("h",
                "0.1:10:log:17")), Axis.numeric(Setting.OUTPUT_RATE, ValueRange.parse("o", "0.1:10:log:17"))), 1, 1,
                1e-8, LOSS, 8, 0.9);
        bad(sw, () -> DeepZoom.validate(map17, 0, 10), "--deep-zoom must be >= 1 (got 0)");
        bad(sw, () -> DeepZoom.Target.parse("sparsest"), "--zoom-target: unknown zoom target 'sparsest' (valid: "
                + "nearest, densest)");
        bad(sw, () -> BoundaryPreset.parse("julia"), "--preset: unknown preset 'julia' (valid: sohl-dickstein-tanh, "
                + "sohl-dickstein-relu, sohl-dickstein-identity, sohl-dickstein-minibatch, "
                + "sohl-dickstein-single-point)");
        bad(sw, () -> DeepZoom.validate(map17, 2, 1), "--zoom-factor must be a finite number > 1 (got 1.0)");
        bad(sw, () -> DeepZoom.validate(new SweepSpec(BASE, lr, 1, 1, 1e-8, LOSS, 8, 0.9), 2, 10),
                "--lr-hidden: a deep zoom needs a trainability map: exactly the axes lr-hidden and lr-output (got "
                        + "[lr])");
        Path store = tmp.resolve("store.jsonl");
        bad(sw, () -> {
            ResultStore.open(store, Map.of("steps", "20")).close();
            ResultStore.open(store, Map.of("steps", "30")).close();
        }, tmp + " holds a sweep with other settings (steps is '20' there but '30' here); use another --out, or "
                + "--force to replace it");
        return cases;
    }

    private static DivergenceSpec divergence(int inits, int replicas, double[] eps, long steps, long perturbAt,
                                             int threads) {
        return new DivergenceSpec(inits, replicas, eps, false, false, DivergenceSpec.Norm.L2, steps, perturbAt,
                FiniteTimeFit.STUDY, 0.9, 0, 0, threads);
    }

    private static LocalExpansionRatesSpec expansion(double radius, int references, int horizon, int minFitEnd,
                                                     int significanceEnd, double alpha, int theiler, int bins) {
        return new LocalExpansionRatesSpec(radius, references, horizon, minFitEnd, significanceEnd, alpha, theiler,
                bins, 0);
    }

    @Test
    void everySettingCoreNamesIsShownAsAnOptionOfItsCommand() throws Exception {
        for (Case c : everySettingCoreChecks()) {
            BadInputException e = thrown(c);
            List<String> flags = new ArrayList<>();
            String shown = e.message(name -> {
                String flag = Flags.of(e.owner(), name);
                flags.add(flag);
                return flag;
            });
            assertThat(Flags.message(e)).as("%s: %s", c.command(), e.getMessage()).isEqualTo(c.shown());
            if (e.parameter() != null) {
                assertThat(shown).isEqualTo(c.shown());
            } else {
                flags.addAll(List.of("--out", "--force")); // the one message the command line words itself
            }
            for (String flag : flags) {
                assertThat(option(c.command(), flag)).as("%s has %s (for: %s)", c.command(), flag, e.getMessage())
                        .isTrue();
            }
        }
    }

    @Test
    void everyListedFlagIsAnOption() {
        Set<String> all = new TreeSet<>();
        CLI.getSubcommands().values().forEach(sub -> sub.getCommandSpec().options()
                .forEach(o -> all.addAll(List.of(o.names()))));
        assertThat(all).containsAll(Flags.listed());
    }

    /**
     * Every setting name core's sources give to BadInputException.of or mention (as a literal) is among the
     * ones checked above, so a new check with a name the command line does not know cannot go unnoticed.
     */
    @Test
    void theCasesCoverEverySettingCoreNames() throws Exception {
        Set<String> checked = new LinkedHashSet<>();
        for (Case c : everySettingCoreChecks()) {
            BadInputException e = thrown(c);
            e.message(name -> {
                checked.add(name);
                checked.add(e.owner() == null ? name : e.owner().getSimpleName() + "." + name);
                return name;
            });
        }
        // of(Owner.class, "name", …), of(owner, "name", …) or of("name", …)
        Pattern of = Pattern.compile("BadInputException\\.of\\(\\s*(?:(\\w+)\\.class\\s*,\\s*|\\w+\\s*,\\s*)?"
                + "\"(\\w+)\"");
        Pattern mention = Pattern.compile("mention\\(\"(\\w+)\"\\)");
        Set<String> named = new TreeSet<>();
        Path core = Path.of("../netdyn-core/src/main/java");
        assertThat(core).isDirectory();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(core)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).toList();
        }
        for (Path f : files) {
            String text = Files.readString(f);
            Matcher m = of.matcher(text);
            while (m.find()) {
                named.add(m.group(1) == null ? m.group(2) : m.group(1) + "." + m.group(2));
            }
            Matcher n = mention.matcher(text);
            while (n.find()) {
                named.add(n.group(1));
            }
        }
        assertThat(named).hasSizeGreaterThan(40);
        assertThat(checked).containsAll(named);
    }

    private static BadInputException thrown(Case c) {
        try {
            c.call().run();
        } catch (BadInputException e) {
            return e;
        } catch (Exception e) {
            throw new AssertionError("expected a BadInputException for: " + c.shown(), e);
        }
        throw new AssertionError("nothing thrown; expected: " + c.shown());
    }

    private static boolean option(String command, String flag) {
        CommandLine sub = CLI.getSubcommands().get(command);
        assertThat(sub).as(command).isNotNull();
        return sub.getCommandSpec().findOption(flag) != null;
    }
}

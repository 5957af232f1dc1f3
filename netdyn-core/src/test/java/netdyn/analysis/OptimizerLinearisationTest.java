package netdyn.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.ejml.data.Complex_F64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import netdyn.BadInputException;
import netdyn.data.DataSources;
import netdyn.dynamics.GradientDescentMap;
import netdyn.dynamics.OptimizerSpec;
import netdyn.dynamics.QuadraticOptimizerMap;
import netdyn.dynamics.UpdateRule;
import netdyn.lyapunov.QrSpectrumEstimator;
import netdyn.lyapunov.SpectrumObserver;
import netdyn.lyapunov.SpectrumSpec;
import netdyn.nn.Batch;
import netdyn.nn.InitSpec;
import netdyn.nn.MlpLayout;
import netdyn.nn.MlpSpec;
import netdyn.rng.SplitMix64;

/** The optimizers' linearisations against their closed forms (Cohen et al. 2022's thresholds). */
class OptimizerLinearisationTest {

    static Stream<Long> seeds() {
        return LongStream.range(0, 6).boxed();
    }

    private static double[] exponents(UpdateRule rule, double a, double eta) {
        QuadraticOptimizerMap map = new QuadraticOptimizerMap(new double[][] {{a}}, eta, rule);
        return new QrSpectrumEstimator(map, 2).run(new double[] {1, 0}, new SpectrumSpec(3000, 500, 2, 1, false, 0),
                SpectrumObserver.NONE).exponents();
    }

    /** ln|λ| of the roots of λ² − bλ + c (real), descending. */
    private static double[] logRoots(double b, double c) {
        double d = Math.sqrt(b * b - 4 * c);
        double r1 = Math.log(Math.abs((b + d) / 2));
        double r2 = Math.log(Math.abs((b - d) / 2));
        return new double[] {Math.max(r1, r2), Math.min(r1, r2)};
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void heavyBallOnAQuadraticHasItsClosedFormExponents(long seed) {
        SplitMix64 rng = new SplitMix64(seed);
        double a = rng.nextUniform(0.5, 4);
        double beta = rng.nextUniform(0.05, 0.9);
        // a rate with real roots: (1 − ηa + β)² > 4β, below or above the threshold
        double eta;
        do {
            eta = rng.nextUniform(0.001, 3 * (1 + beta)) / a;
        } while (Math.pow(1 - eta * a + beta, 2) <= 4 * beta * 1.01);
        double[] measured = exponents(UpdateRule.momentum(beta), a, eta);
        double[] expected = logRoots(1 - eta * a + beta, beta);
        assertThat(measured[0]).as("a %s β %s η %s", a, beta, eta).isCloseTo(expected[0], within(1e-9));
        assertThat(measured[1]).isCloseTo(expected[1], within(1e-9));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void heavyBallIsStableExactlyBelowTwoOnePlusBetaOverEta(long seed) {
        SplitMix64 rng = new SplitMix64(50 + seed);
        double a = rng.nextUniform(0.5, 4);
        double beta = rng.nextUniform(0.05, 0.9);
        UpdateRule rule = UpdateRule.momentum(beta);
        double threshold = rule.threshold(1) / a; // the η where ηa = 2(1 + β)
        assertThat(exponents(rule, a, 0.99 * threshold)[0]).isNegative();
        assertThat(exponents(rule, a, 1.01 * threshold)[0]).isPositive();
        assertThat(exponents(rule, a, threshold)[0]).isCloseTo(0, within(1e-9));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void nesterovIsStableExactlyBelowItsThreshold(long seed) {
        SplitMix64 rng = new SplitMix64(90 + seed);
        double a = rng.nextUniform(0.5, 4);
        double beta = rng.nextUniform(0.05, 0.9);
        UpdateRule rule = new UpdateRule(UpdateRule.Kind.NESTEROV, beta, 0, 0);
        double threshold = rule.threshold(1) / a;
        assertThat(exponents(rule, a, 0.99 * threshold)[0]).isNegative();
        assertThat(exponents(rule, a, 1.01 * threshold)[0]).isPositive();
        double eta = 0.3 * threshold;
        double b = (1 + beta) * (1 - eta * a);
        double c = beta * (1 - eta * a);
        if (b * b > 4 * c * 1.01) {
            double[] expected = logRoots(b, c);
            assertThat(exponents(rule, a, eta)[0]).isCloseTo(expected[0], within(1e-9));
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void adamWithAFrozenPreconditionerIsPreconditionedHeavyBall(long seed) {
        SplitMix64 rng = new SplitMix64(200 + seed);
        int n = 2 + rng.nextInt(4);
        double[] a = new double[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = rng.nextUniform(0.1, 5);
            v[i] = Math.pow(10, rng.nextUniform(-4, 0));
        }
        assertThat(OptimizerLinearisation.adamAgainstPreconditionedHeavyBall(a, v, rng.nextUniform(0.001, 0.05)))
                .isLessThan(1e-10);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void adamLosesStabilityWherePreconditionedSharpnessCrosses38OverEta(long seed) {
        SplitMix64 rng = new SplitMix64(300 + seed);
        double a = rng.nextUniform(0.5, 5);
        double v = Math.pow(10, rng.nextUniform(-4, -1));
        UpdateRule adam = UpdateRule.defaults(UpdateRule.Kind.ADAM);
        double p = Math.sqrt(adam.beta2() * v) + adam.epsilon();
        // preconditioned sharpness a/p against 2(1 + β₁)/((1 − β₁)η): η at the threshold
        double eta = adam.threshold(1) * p / a;
        assertThat(adam.threshold(1)).isCloseTo(38, within(1e-12));
        assertThat(spectralRadius(a, v, 0.99 * eta)).isLessThan(1);
        assertThat(spectralRadius(a, v, 1.01 * eta)).isGreaterThan(1);
    }

    private static double spectralRadius(double a, double v, double eta) {
        QuadraticOptimizerMap map = new QuadraticOptimizerMap(new double[][] {{a}}, eta,
                UpdateRule.defaults(UpdateRule.Kind.ADAM));
        List<Complex_F64> l = OptimizerLinearisation.eigenvalues(OptimizerLinearisation.jacobian(map,
                1_000_000_000L, new double[] {0, 0, v}));
        return l.stream().mapToDouble(Complex_F64::getMagnitude).max().orElseThrow();
    }

    @Test
    void adamsTangentMatchesCentralDifferencesLateInARun() {
        Batch iris = Batch.of(DataSources.load("iris", null, null).split(120).train());
        MlpSpec spec = MlpSpec.study(4, 3);
        GradientDescentMap map = new GradientDescentMap(spec, iris, new OptimizerSpec(0.01, 0, 0, 0, null, false,
                UpdateRule.defaults(UpdateRule.Kind.ADAM)));
        int p = new MlpLayout(spec).parameterCount();
        double[] x = new double[map.dimension()];
        InitSpec.STUDY.initialize(new MlpLayout(spec), 3, 0, x, 0);
        double[] next = new double[x.length];
        for (int t = 0; t < 57; t++) {
            map.step(t, x, next);
            System.arraycopy(next, 0, x, 0, x.length);
        }
        SplitMix64 rng = new SplitMix64(4);
        double[] dir = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            dir[i] = rng.nextGaussian() * (i >= 2 * p ? x[i] : 1); // second moments: relative directions
        }
        double[] jv = new double[x.length];
        map.tangent(57, x, dir, jv);
        double h = 1e-6;
        double[] xp = x.clone();
        double[] xm = x.clone();
        for (int i = 0; i < x.length; i++) {
            xp[i] += h * dir[i];
            xm[i] -= h * dir[i];
        }
        double[] fp = new double[x.length];
        double[] fm = new double[x.length];
        map.step(57, xp, fp);
        map.step(57, xm, fm);
        for (int i = 0; i < x.length; i++) {
            assertThat(jv[i]).as("component %d", i).isCloseTo((fp[i] - fm[i]) / (2 * h),
                    within(1e-7 * Math.max(1, Math.abs(jv[i]))));
        }
    }

    @Test
    void rulesParseWithPyTorchsDefaultsAndPrintAsTheyParse() {
        assertThat(UpdateRule.parse("adam")).isEqualTo(new UpdateRule(UpdateRule.Kind.ADAM, 0.9, 0.999, 1e-8));
        assertThat(UpdateRule.parse("rmsprop")).isEqualTo(new UpdateRule(UpdateRule.Kind.RMSPROP, 0, 0.99, 1e-8));
        assertThat(UpdateRule.parse("momentum")).isEqualTo(UpdateRule.momentum(0.9));
        assertThat(UpdateRule.parse("nesterov:0.5").beta1()).isEqualTo(0.5);
        assertThat(UpdateRule.parse("adam:beta2=0.99").beta2()).isEqualTo(0.99);
        for (String s : new String[] {"gd", "momentum:0.8", "nesterov:0.3", "rmsprop:alpha=0.9,eps=1.0E-6",
            "adam:beta1=0.8,beta2=0.99,eps=1.0E-7"}) {
            assertThat(UpdateRule.parse(UpdateRule.parse(s).text())).isEqualTo(UpdateRule.parse(s));
        }
        assertThat(UpdateRule.defaults(UpdateRule.Kind.ADAM).stateBlocks()).isEqualTo(3);
        assertThat(UpdateRule.parse("nesterov:0.5").threshold(1)).isCloseTo(1.5, within(1e-15));
        assertThatThrownBy(() -> UpdateRule.parse("adagrad")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("unknown optimizer 'adagrad'").hasMessageContaining("adam");
        assertThatThrownBy(() -> UpdateRule.parse("adam:beta1=1")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("beta1 in [0, 1)");
        assertThatThrownBy(() -> UpdateRule.parse("adam:gamma=1")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("unknown value 'gamma'");
        assertThatThrownBy(() -> UpdateRule.parse("rmsprop:eps=0")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("eps");
        assertThatThrownBy(() -> UpdateRule.parse("gd:0.1")).isInstanceOf(BadInputException.class);
    }
}

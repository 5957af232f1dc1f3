package netdyn.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import netdyn.curvature.HessianSpectrum;
import netdyn.data.DataSources;
import netdyn.data.Dataset;
import netdyn.data.Standardizer;
import netdyn.dynamics.GradientDescentMap;
import netdyn.dynamics.OptimizerSpec;
import netdyn.dynamics.QuadraticGradientDescentMap;
import netdyn.dynamics.QuadraticOptimizerMap;
import netdyn.dynamics.UpdateRule;
import netdyn.dynamics.ReferenceSystems;
import netdyn.fractal.BoxCounting;
import netdyn.fractal.KnownBoundaries;
import netdyn.lyapunov.QrSpectrumEstimator;
import netdyn.lyapunov.SpectrumObserver;
import netdyn.lyapunov.SpectrumResult;
import netdyn.lyapunov.SpectrumSpec;
import netdyn.nn.Activation;
import netdyn.nn.Batch;
import netdyn.nn.InitSpec;
import netdyn.nn.LossKind;
import netdyn.nn.MlpEvaluator;
import netdyn.nn.MlpLayout;
import netdyn.nn.MlpSpec;
import netdyn.nn.OutputKind;

/**
 * The known-answer table of SCIENCE.md §5, run through the same estimators users call: what
 * {@code netdyn selfcheck} prints and the test suite asserts. Each row compares a measured
 * exponent (or sum) with its exact or literature value within a stated tolerance.
 */
public final class KnownAnswers {
    private KnownAnswers() {
    }

    /**
     * One line of the table.
     *
     * @param relative whether the tolerance is relative to |expected| (else absolute)
     */
    public record Row(String system, String quantity, double expected, double measured, double tolerance,
                      boolean relative) {
        public double error() {
            double e = Math.abs(measured - expected);
            return relative ? e / Math.abs(expected) : e;
        }

        public boolean passed() {
            return error() <= tolerance;
        }
    }

    /** Runs every check (a few seconds in all). */
    public static List<Row> run() {
        List<Row> rows = new ArrayList<>();
        SpectrumResult logistic = spectrum("logistic:r=4", 1_000_000, 1);
        rows.add(new Row("logistic r = 4", "λ1", Math.log(2), logistic.exponents()[0], 0.005, true));

        SpectrumResult henon = spectrum("henon:a=1.4,b=0.3", 1_000_000, 2);
        rows.add(new Row("Hénon a = 1.4, b = 0.3", "λ1", 0.41922, henon.exponents()[0], 0.005, true));
        rows.add(new Row("Hénon a = 1.4, b = 0.3", "λ2", -1.62319, henon.exponents()[1], 0.005, true));

        SpectrumResult cat = spectrum("cat", 10_000, 2);
        double catExact = Math.log((3 + Math.sqrt(5)) / 2);
        rows.add(new Row("Arnold cat map", "λ1", catExact, cat.exponents()[0], 0.001, true));
        rows.add(new Row("Arnold cat map", "λ2", -catExact, cat.exponents()[1], 0.001, true));

        SpectrumResult lorenz = spectrum("lorenz:sigma=10,rho=28,beta=2.6666666666666665,dt=0.01", 500_000, 3);
        rows.add(new Row("Lorenz σ = 10, ρ = 28, β = 8/3", "λ1", 0.9056, lorenz.exponents()[0], 0.02, true));
        rows.add(new Row("Lorenz σ = 10, ρ = 28, β = 8/3", "Σλ", -(10 + 1 + 8.0 / 3), lorenz.sumOfExponents(), 0.005,
                true));

        rows.addAll(quadratic());
        rows.addAll(leastSquares());
        rows.addAll(boundaryDimensions());
        rows.addAll(optimizers());
        return rows;
    }

    private static SpectrumResult spectrum(String system, long steps, int k) {
        ReferenceSystems.ReferenceSystem ref = ReferenceSystems.parse(system);
        SpectrumSpec spec = new SpectrumSpec(steps, ref.defaultTransient(), k, 1, false, 0);
        return new QrSpectrumEstimator(ref.map(), k).run(ref.initialState(), spec, SpectrumObserver.NONE);
    }

    /** GD on ½ θᵀAθ with a random A: exponents ln|1 − η a_i| (the worst row of the spectrum). */
    private static List<Row> quadratic() {
        int n = 6;
        double eta = 0.4;
        QuadraticGradientDescentMap map = QuadraticGradientDescentMap.random(n, 11, 5.0, eta);
        double[] expected = new double[n];
        for (int i = 0; i < n; i++) {
            expected[i] = Math.log(Math.abs(1 - eta * map.eigenvalues()[i]));
        }
        // θ = 0 is a fixed point: the orbit stays bounded while the tangent dynamics are the whole map
        SpectrumResult r = new QrSpectrumEstimator(map, n).run(new double[n],
                new SpectrumSpec(2000, 2000, n, 1, false, 0), SpectrumObserver.NONE);
        return List.of(worst("GD on ½θᵀAθ, random A (n = 6, η = 0.4)", expected, r.exponents()));
    }

    /** GD on linear least squares (standardised Iris, η = 0.5): exponents ln|1 − η a_i|, a_i of the constant H. */
    private static List<Row> leastSquares() {
        Dataset.Split split = DataSources.load("iris", null, null).split(120);
        Batch data = Batch.of(Standardizer.fit(split.train()).apply(split.train()));
        MlpSpec ls = new MlpSpec(4, new int[0], 3, Activation.LINEAR, OutputKind.LINEAR, LossKind.MSE, 0);
        double eta = 0.5;
        GradientDescentMap map = new GradientDescentMap(ls, data, OptimizerSpec.gradientDescent(eta));
        int p = map.parameterCount();
        double[] theta = new double[p];
        InitSpec.STUDY.initialize(new MlpLayout(ls), 0, 0, theta, 0);
        SpectrumResult r = new QrSpectrumEstimator(map, p).run(theta, new SpectrumSpec(1000, 3000, p, 1, false, 0),
                SpectrumObserver.NONE);
        double[] h = HessianSpectrum.of(new MlpEvaluator(ls, data.size()), theta, data, 1e-12).eigenvalues();
        double[] expected = new double[p];
        for (int i = 0; i < p; i++) {
            expected[i] = Math.log(Math.abs(1 - eta * h[i]));
        }
        return List.of(worst("GD on linear least squares (Iris, η = 0.5)", expected, r.exponents()));
    }

    /**
     * Box-counting dimensions of boundaries with a known dimension ({@link KnownBoundaries}), at the resolutions
     * and tolerances {@link BoxCounting} states.
     */
    private static List<Row> boundaryDimensions() {
        return List.of(
                new Row("disk boundary, 1024² cells", "box-counting D", 1,
                        BoxCounting.dimension(KnownBoundaries.disk(1024, 0.35)).dimension(), 0.02, false),
                new Row("Koch snowflake, 1024² cells", "box-counting D", KnownBoundaries.KOCH_DIMENSION,
                        BoxCounting.dimension(KnownBoundaries.kochSnowflake(1024, 7)).dimension(), 0.05, false),
                new Row("GD, a rate per coordinate, 512² cells", "box-counting D", 1,
                        BoxCounting.dimension(KnownBoundaries.quadraticDescent(512, 1, 0.8, 2, 0.1, 10, 200))
                                .dimension(), 0.01, false));
    }

    /**
     * The optimizers' linearisations on ½aθ² (a = 1, β = 0.5): heavy ball's exponents ln|λ| from
     * λ² − (1 − ηa + β)λ + β = 0 and Nesterov's from λ² − (1 + β)(1 − ηa)λ + β(1 − ηa) = 0 at η = 0.01 (real
     * roots, so QR converges fast), their largest exponent 0 exactly at the stability threshold (ηa = 2(1 + β),
     * 2(1 + β)/(1 + 2β)); and Adam at a minimum with its preconditioner frozen (t → ∞): the eigenvalues of its
     * one-step Jacobian are preconditioned heavy ball's (rate η(1 − β₁)/p_i) and β₂.
     */
    private static List<Row> optimizers() {
        double beta = 0.5;
        List<Row> rows = new ArrayList<>();
        rows.add(worst("heavy ball on ½θ², β = 0.5, η = 0.01", roots(1 - 0.01 + beta, beta),
                quadraticExponents(UpdateRule.momentum(beta), 0.01), 1e-9));
        rows.add(new Row("heavy ball on ½θ², β = 0.5, at ηa = 2(1 + β)", "λ1", 0,
                quadraticExponents(UpdateRule.momentum(beta), 2 * (1 + beta))[0], 1e-9, false));
        UpdateRule nesterov = new UpdateRule(UpdateRule.Kind.NESTEROV, beta, 0, 0);
        rows.add(worst("Nesterov on ½θ², β = 0.5, η = 0.01", roots((1 + beta) * (1 - 0.01), beta * (1 - 0.01)),
                quadraticExponents(nesterov, 0.01), 1e-9));
        rows.add(new Row("Nesterov on ½θ², β = 0.5, at its threshold", "λ1", 0,
                quadraticExponents(nesterov, 2 * (1 + beta) / (1 + 2 * beta))[0], 1e-9, false));
        rows.add(new Row("Adam at a minimum, frozen preconditioner", "max |λ − λ_HB|", 0,
                OptimizerLinearisation.adamAgainstPreconditionedHeavyBall(), 1e-10, false));
        return rows;
    }

    /** ln|λ| of the roots of λ² − bλ + c = 0 (both real here), descending. */
    private static double[] roots(double b, double c) {
        double d = Math.sqrt(b * b - 4 * c);
        double[] r = {Math.log(Math.abs((b + d) / 2)), Math.log(Math.abs((b - d) / 2))};
        Arrays.sort(r);
        return new double[] {r[1], r[0]};
    }

    /** The two exponents of {@code rule} on ½θ² at rate η, by QR over 2000 steps after 500. */
    private static double[] quadraticExponents(UpdateRule rule, double eta) {
        QuadraticOptimizerMap map = new QuadraticOptimizerMap(new double[][] {{1}}, eta, rule);
        return new QrSpectrumEstimator(map, 2).run(new double[] {1, 0}, new SpectrumSpec(2000, 500, 2, 1, false, 0),
                SpectrumObserver.NONE).exponents();
    }

    /** The row of largest absolute error between sorted expected and measured spectra, tolerance 1e-6. */
    private static Row worst(String system, double[] expected, double[] measured) {
        return worst(system, expected, measured, 1e-6);
    }

    /** The row of largest absolute error between sorted expected and measured spectra. */
    private static Row worst(String system, double[] expected, double[] measured, double tolerance) {
        double[] e = expected.clone();
        Arrays.sort(e);
        int n = e.length;
        int worst = 0;
        double err = -1;
        for (int i = 0; i < n; i++) {
            double d = Math.abs(e[n - 1 - i] - measured[i]);
            if (d > err) {
                err = d;
                worst = i;
            }
        }
        return new Row(system, "λ" + (worst + 1) + " (worst of " + n + ")", e[n - 1 - worst], measured[worst],
                tolerance, false);
    }
}

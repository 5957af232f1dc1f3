package netdyn.analysis;

import java.util.Arrays;

import netdyn.curvature.LanczosEstimator;
import netdyn.dynamics.GradientDescentMap;
import netdyn.dynamics.OptimizerSpec;
import netdyn.lyapunov.QrSpectrumEstimator;
import netdyn.lyapunov.SpectrumObserver;
import netdyn.lyapunov.SpectrumSpec;
import netdyn.nn.Batch;
import netdyn.nn.MlpEvaluator;
import netdyn.nn.MlpSpec;
import netdyn.series.LaminarPhases;
import netdyn.series.LaminarPhasesSpec;
import netdyn.series.Monotonicity;
import netdyn.series.MonotonicitySpec;
import netdyn.series.Periodogram;
import netdyn.series.PeriodogramResult;
import netdyn.series.PeriodogramSpec;
import netdyn.series.ZeroOneTest;
import netdyn.series.ZeroOneTestSpec;

/**
 * Measures what {@link RegimeClassifier} reads, for one training run of T steps from θ_0 whose loss
 * series (T+1 values) and end state θ_T are given: the top tangent exponent over the second half (QR
 * with k = 1, the first half as transient, which also aligns the tangent vector), the 0–1 test,
 * laminar phases (repeating with a period dividing 6: the study's period-2 and period-3 plateaus),
 * rises and the periodogram of the second half of the loss, and the sharpness at θ_T (Lanczos).
 */
public final class RegimeEvidence {
    private RegimeEvidence() {
    }

    /** The evidence and the loss series' fundamental period (NaN when it has none). */
    public record Measured(RegimeClassifier.Evidence evidence, double fundamentalPeriod) {
    }

    public static Measured measure(MlpSpec spec, Batch train, OptimizerSpec optimizer, double[] theta0, double[] loss,
                                   double[] thetaT, long seed) {
        int steps = loss.length - 1;
        int half = steps / 2;
        int classes = spec.outputs();
        double finalLoss = loss[steps];
        if (!Double.isFinite(finalLoss)) {
            return new Measured(new RegimeClassifier.Evidence(true, finalLoss, classes, Double.NaN, Double.NaN,
                    Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN), Double.NaN);
        }
        double[] second = Arrays.copyOfRange(loss, half, loss.length);
        GradientDescentMap map = new GradientDescentMap(spec, train, optimizer);
        double[] x0 = new double[map.dimension()];
        System.arraycopy(theta0, 0, x0, 0, theta0.length);
        double lambda1 = new QrSpectrumEstimator(map, 1).run(x0, new SpectrumSpec(steps - half, half, 1, 1, false, seed),
                SpectrumObserver.NONE).exponents()[0];
        double sharpness = new LanczosEstimator(new MlpEvaluator(spec, train.size()), 30)
                .topEigenvalues(thetaT, train, 1, seed)[0];
        double k = ZeroOneTest.of(second, ZeroOneTestSpec.defaults(seed)).k();
        double laminar = LaminarPhases.of(second, new LaminarPhasesSpec(6, 0.1, Double.NaN, 10)).laminarFraction();
        double rising = Monotonicity.of(second, MonotonicitySpec.strict()).fractionIncreasing();
        PeriodogramResult spectrum = Periodogram.of(second, PeriodogramSpec.defaults());
        double total = 0;
        for (double p : spectrum.power()) {
            total += p;
        }
        double share = 0;
        double period = Double.NaN;
        for (PeriodogramResult.Peak peak : spectrum.peaks()) {
            if (peak.period() >= 2 && peak.period() <= 50 && total > 0 && peak.power() / total > share) {
                share = peak.power() / total;
                period = peak.period();
            }
        }
        double eta = optimizer.learningRate();
        return new Measured(new RegimeClassifier.Evidence(false, finalLoss, classes, lambda1, k, laminar, rising, share,
                period, sharpness * eta / 2), spectrum.fundamentalPeriod());
    }
}

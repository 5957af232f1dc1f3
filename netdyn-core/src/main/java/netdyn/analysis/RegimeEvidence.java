package netdyn.analysis;

import java.util.Arrays;

import netdyn.curvature.LanczosEstimator;
import netdyn.dynamics.OptimizerSpec;
import netdyn.lyapunov.QrSpectrumEstimator;
import netdyn.lyapunov.SpectrumObserver;
import netdyn.lyapunov.SpectrumResult;
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
 * Measures what {@link RegimeClassifier} reads for one training run of T steps from θ_0 ({@link #measure}):
 * one pass over the training orbit ({@link TrainingRun#orbit}, which also says whether and where it
 * diverged) gives the loss at every step, θ_T and the top tangent exponent over the second half (a QR frame
 * following the orbit, k = 1, the first half as transient, which also aligns the tangent vector); or from an
 * orbit measured elsewhere ({@link #fromOrbit}). Then,
 * on the second half of the loss: the 0–1 test, laminar
 * phases (repeating with a period dividing {@link Regime#LAMINAR_PERIOD}: the study's period-2 and period-3
 * plateaus), rises and the periodogram; and the sharpness at θ_T (Lanczos).
 */
public final class RegimeEvidence {
    private RegimeEvidence() {
    }

    /**
     * The evidence, the loss series' fundamental period (NaN when it has none), the step at which
     * the orbit diverged (its loss L(θ_t) became non-finite; −1 when it did not) and the loss series the
     * evidence was read from (t = 0 … T).
     */
    public record Measured(RegimeClassifier.Evidence evidence, double fundamentalPeriod, long divergedAtStep,
                           double[] loss) {
    }

    public static Measured measure(MlpSpec spec, Batch train, OptimizerSpec optimizer, double[] theta0, long steps,
                                   long seed) {
        int half = (int) (steps / 2);
        double[] loss = new double[(int) steps + 1];
        double[] thetaT = new double[theta0.length];
        SpectrumSpec lateLambda = new SpectrumSpec(steps - half, half, 1, 1, false, seed);
        QrSpectrumEstimator.Along[] qr = {null};
        long divergedAt = new TrainingRun(spec, train, null, optimizer).orbit(theta0, steps, step -> {
            loss[(int) step.t()] = step.loss(0);
            if (step.last()) {
                System.arraycopy(step.states(), 0, thetaT, 0, thetaT.length);
            } else if (!step.diverged(0)) {
                // the top tangent exponent on the same orbit: the map has just stepped from θ_t
                if (qr[0] == null) {
                    qr[0] = new QrSpectrumEstimator(step.map(), 1).along(lateLambda, SpectrumObserver.NONE);
                }
                qr[0].advance(step.t(), step.states());
            }
        });
        if (divergedAt >= 0) {
            return fromOrbit(spec, train, optimizer, loss, thetaT, Double.NaN, divergedAt, seed);
        }
        SpectrumResult late = qr[0].result();
        return fromOrbit(spec, train, optimizer, loss, thetaT, late.completed() ? late.exponents()[0] : Double.NaN, -1,
                seed);
    }

    /**
     * The evidence from an orbit already run: the loss L(θ_t) for t = 0…T, θ_T, the top tangent exponent
     * over the second half (the first half aligning the tangent vector) and the step at which the orbit
     * became non-finite (−1 when it did not). A sweep task measures these on its own passes.
     */
    public static Measured fromOrbit(MlpSpec spec, Batch train, OptimizerSpec optimizer, double[] loss,
                                     double[] thetaT, double lambdaLate, long divergedAt, long seed) {
        int classes = spec.outputs();
        int steps = loss.length - 1;
        int half = steps / 2;
        double finalLoss = divergedAt >= 0 ? Double.NaN : loss[steps];
        if (!Double.isFinite(finalLoss)) {
            return new Measured(new RegimeClassifier.Evidence(true, finalLoss, classes, Double.NaN, Double.NaN,
                    Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN), Double.NaN,
                    divergedAt >= 0 ? divergedAt : steps, loss);
        }
        double[] second = Arrays.copyOfRange(loss, half, steps + 1);
        MlpEvaluator evaluator = new MlpEvaluator(spec, train.size());
        double sharpness = new LanczosEstimator(evaluator, 30).topEigenvalues(thetaT, train, 1, seed)[0];
        double k = ZeroOneTest.of(second, ZeroOneTestSpec.defaults(seed)).k();
        double laminar = LaminarPhases.of(second, new LaminarPhasesSpec(Regime.LAMINAR_PERIOD, 0.1, Double.NaN,
                10)).laminarFraction();
        double rising = Monotonicity.of(second, MonotonicitySpec.strict()).fractionIncreasing();
        PeriodogramResult spectrum = Periodogram.of(second, PeriodogramSpec.defaults());
        double total = 0;
        for (double p : spectrum.power()) {
            total += p;
        }
        double share = 0;
        double period = Double.NaN;
        for (PeriodogramResult.Peak peak : spectrum.peaks()) {
            if (peak.period() >= Regime.PERIOD_MIN && peak.period() <= Regime.PERIOD_MAX
                    && total > 0 && peak.power() / total > share) {
                share = peak.power() / total;
                period = peak.period();
            }
        }
        double eta = optimizer.learningRate();
        return new Measured(new RegimeClassifier.Evidence(false, finalLoss, classes, lambdaLate, k, laminar,
                rising, share, period, sharpness * eta / 2), spectrum.fundamentalPeriod(), -1, loss);
    }
}

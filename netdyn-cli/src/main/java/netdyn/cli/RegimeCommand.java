package netdyn.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import netdyn.analysis.RegimeClassifier;
import netdyn.analysis.TrainingObserver;
import netdyn.analysis.TrainingResult;
import netdyn.analysis.TrainingRun;
import netdyn.curvature.LanczosEstimator;
import netdyn.dynamics.GradientDescentMap;
import netdyn.lyapunov.QrSpectrumEstimator;
import netdyn.lyapunov.SpectrumObserver;
import netdyn.lyapunov.SpectrumResult;
import netdyn.lyapunov.SpectrumSpec;
import netdyn.nn.Batch;
import netdyn.nn.MlpEvaluator;
import netdyn.series.LaminarPhases;
import netdyn.series.LaminarPhasesSpec;
import netdyn.series.Monotonicity;
import netdyn.series.MonotonicitySpec;
import netdyn.series.Periodogram;
import netdyn.series.PeriodogramResult;
import netdyn.series.PeriodogramSpec;
import netdyn.series.ZeroOneTest;
import netdyn.series.ZeroOneTestSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code netdyn regime}: one run at one η, labelled by the rule of {@link RegimeClassifier}, with its evidence. */
@Command(name = "regime", mixinStandardHelpOptions = true,
        description = "Train one run and name its regime (converged, slow convergence, edge of stability, chaotic, "
                + "intermittent, periodic, diverged) from the tangent exponent and the loss series of its second "
                + "half, the final sharpness and the final loss against chance level; prints the evidence.",
        footer = {"", "Examples:", "  ./netdyn regime --lr 0.01 --steps 5000", "  ./netdyn regime --lr 5 --steps 10000 --json"})
final class RegimeCommand implements Callable<Integer> {
    @Spec
    CommandSpec command;

    @Mixin
    NetworkOptions network;

    @Option(names = "--steps", defaultValue = "4000", description = "Gradient steps T (default: ${DEFAULT-VALUE}).")
    long steps;

    @Option(names = "--json", description = "Print the label and the evidence as one JSON object on stdout.")
    boolean json;

    @Override
    public Integer call() {
        if (steps < 100) {
            throw new netdyn.BadInputException("--steps must be >= 100 for a regime (got " + steps + ")");
        }
        NetworkOptions.Setup setup = network.resolve();
        Batch train = Batch.of(setup.trainSet());
        double[] loss = new double[(int) steps + 1];
        int[] recorded = {0};
        TrainingResult run = new TrainingRun(setup.spec(), train, null, setup.optimizer()).run(setup.theta0(), steps,
                steps, new TrainingObserver() {
                    @Override
                    public void loss(long t, double value) {
                        loss[(int) t] = value;
                        recorded[0] = (int) t + 1;
                    }

                    @Override
                    public void snapshot(Snapshot s, double[] theta) {
                    }
                });
        int half = (int) (steps / 2);
        double eta = setup.optimizer().learningRate();
        RegimeClassifier.Evidence evidence;
        Map<String, Object> extra = new LinkedHashMap<>();
        if (run.diverged()) {
            evidence = new RegimeClassifier.Evidence(true, run.finalLoss(), setup.spec().outputs(), Double.NaN,
                    Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
            extra.put("divergedAtStep", run.steps());
        } else {
            double[] second = java.util.Arrays.copyOfRange(loss, half, recorded[0]);
            // top tangent exponent over the second half; the first half settles the orbit and the frame
            GradientDescentMap map = new GradientDescentMap(setup.spec(), train, setup.optimizer());
            double[] x0 = new double[map.dimension()];
            System.arraycopy(setup.theta0(), 0, x0, 0, setup.theta0().length);
            SpectrumResult lyap = new QrSpectrumEstimator(map, 1).run(x0,
                    new SpectrumSpec(steps - half, half, 1, 1, false, network.seed), SpectrumObserver.NONE);
            double sharp = new LanczosEstimator(new MlpEvaluator(setup.spec(), train.size()), 30)
                    .topEigenvalues(run.finalTheta(), train, 1, network.seed)[0];
            double k = ZeroOneTest.of(second, ZeroOneTestSpec.defaults(network.seed)).k();
            // laminar = repeating with a period dividing 6 (the study's period-2 and period-3 plateaus)
            double laminar = LaminarPhases.of(second, new LaminarPhasesSpec(6, 0.1, Double.NaN, 10)).laminarFraction();
            double rising = Monotonicity.of(second, MonotonicitySpec.strict()).fractionIncreasing();
            PeriodogramResult spectrum = Periodogram.of(second, PeriodogramSpec.defaults());
            double share = 0;
            double period = Double.NaN;
            double total = 0;
            for (double p : spectrum.power()) {
                total += p;
            }
            for (PeriodogramResult.Peak peak : spectrum.peaks()) {
                if (peak.period() >= 2 && peak.period() <= 50 && total > 0 && peak.power() / total > share) {
                    share = peak.power() / total;
                    period = peak.period();
                }
            }
            evidence = new RegimeClassifier.Evidence(false, run.finalLoss(), setup.spec().outputs(),
                    lyap.exponents()[0], k, laminar, rising, share, period, sharp * eta / 2);
            extra.put("fundamentalPeriod", spectrum.fundamentalPeriod());
        }
        RegimeClassifier.Regime regime = RegimeClassifier.classify(evidence);
        PrintWriter out = command.commandLine().getOut();
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("regime", regime.label());
            m.put("reasons", regime.reasons());
            Map<String, Object> ev = new LinkedHashMap<>();
            ev.put("finalLoss", Json.number(evidence.finalLoss()));
            ev.put("chanceLevel", evidence.chanceLevel());
            ev.put("lambda1", Json.number(evidence.lambda1()));
            ev.put("zeroOneK", Json.number(evidence.zeroOneK()));
            ev.put("laminarFraction", Json.number(evidence.laminarFraction()));
            ev.put("fractionIncreasing", Json.number(evidence.fractionIncreasing()));
            ev.put("periodicShare", Json.number(evidence.periodicShare()));
            ev.put("dominantPeriod", Json.number(evidence.dominantPeriod()));
            ev.put("sharpnessEtaOver2", Json.number(evidence.sharpnessEtaOver2()));
            ev.putAll(extra);
            m.put("evidence", ev);
            m.put("learningRate", eta);
            m.put("steps", steps);
            out.println(Json.write(m));
        } else {
            out.printf("η = %s, %d steps: %s%n", eta, steps, regime.label());
            for (String r : regime.reasons()) {
                out.println("  - " + r);
            }
        }
        return 0;
    }
}

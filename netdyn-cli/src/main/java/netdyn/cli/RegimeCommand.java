package netdyn.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import netdyn.cli.io.Json;
import netdyn.cli.io.NpyWriter;
import netdyn.cli.io.RunDirectory;
import netdyn.run.ResolvedRun;
import netdyn.analysis.RegimeClassifier;
import netdyn.analysis.RegimeEvidence;
import netdyn.analysis.ResultKeys;
import netdyn.nn.Batch;
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
        footer = {"", "Examples:", "  ./netdyn regime --lr 0.01 --steps 5000", "  ./netdyn regime --lr 5 --steps 10000 --json",
                "  ./netdyn regime --lr 5 --steps 10000 --report     (a run directory with the loss, the label, "
                        + "its evidence and a page)",
                "", "Files (with --out or --report): manifest.json, summary.json (label, reasons, evidence), loss.npy."})
final class RegimeCommand implements Callable<Integer> {
    @Spec
    CommandSpec command;

    @Mixin
    NetworkOptions network;

    @Option(names = "--steps", defaultValue = "4000", description = "Gradient steps T (default: ${DEFAULT-VALUE}).")
    long steps;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() throws java.io.IOException {
        if (steps < 100) {
            throw new netdyn.BadInputException("--steps must be >= 100 for a regime (got " + steps + ")");
        }
        ResolvedRun setup = network.resolve(steps);
        RunDirectory dir = output.writesDirectory() ? RunDirectory.create(output.outOrDefault("regime"),
                output.force) : null;
        if (dir != null) {
            Map<String, Object> manifest = RunDirectory.manifestHeader("regime", command);
            manifest.putAll(network.describe(setup));
            manifest.put(ResultKeys.STEPS, steps);
            manifest.put("files", Json.ordered("summary.json", "the regime label, the reasons and the evidence",
                    "loss.npy", "the training loss L(θ_t), t = 0..T, whose second half the evidence reads"));
            Json.write(dir.file("manifest.json"), manifest);
        }
        double eta = setup.optimizer().learningRate();
        RegimeEvidence.Measured measured = RegimeEvidence.measure(setup.spec(), Batch.of(setup.trainSet()),
                setup.optimizer(), setup.theta0(), steps, network.seed);
        RegimeClassifier.Evidence evidence = measured.evidence();
        Map<String, Object> extra = new LinkedHashMap<>();
        if (measured.divergedAtStep() >= 0) {
            extra.put(ResultKeys.DIVERGED_AT_STEP, measured.divergedAtStep());
        } else {
            extra.put("fundamentalPeriod", Json.number(measured.fundamentalPeriod()));
        }
        RegimeClassifier.Classification regime = RegimeClassifier.classify(evidence);
        PrintWriter out = command.commandLine().getOut();
        Map<String, Object> m = new LinkedHashMap<>();
        {
            m.put(ResultKeys.REGIME, regime.label());
            m.put("reasons", regime.reasons());
            Map<String, Object> ev = new LinkedHashMap<>();
            ev.put(ResultKeys.FINAL_LOSS, Json.number(evidence.finalLoss()));
            ev.put("chanceLevel", evidence.chanceLevel());
            ev.put(ResultKeys.LAMBDA1, Json.number(evidence.lambda1()));
            ev.put(ResultKeys.ZERO_ONE_K, Json.number(evidence.zeroOneK()));
            ev.put(ResultKeys.LAMINAR_FRACTION, Json.number(evidence.laminarFraction()));
            ev.put(ResultKeys.FRACTION_INCREASING, Json.number(evidence.fractionIncreasing()));
            ev.put(ResultKeys.PERIODIC_SHARE, Json.number(evidence.periodicShare()));
            ev.put(ResultKeys.DOMINANT_PERIOD, Json.number(evidence.dominantPeriod()));
            ev.put(ResultKeys.EOS_RATIO_FINAL, Json.number(evidence.sharpnessEtaOver2()));
            ev.putAll(extra);
            m.put("evidence", ev);
            m.put("learningRate", eta);
            m.put(ResultKeys.STEPS, steps);
        }
        if (dir != null) {
            NpyWriter.write(dir.file("loss.npy"), measured.loss());
            m.put("out", dir.path().toString());
            Json.write(dir.file("summary.json"), m);
        }
        if (output.json) {
            out.println(Json.write(m));
        } else {
            out.printf(Locale.ROOT, "η = %s, %d steps: %s%n", eta, steps, regime.label());
            for (String r : regime.reasons()) {
                out.println("  - " + r);
            }
            if (dir != null) {
                out.println("  files in " + dir.path());
            }
        }
        output.writeReport(dir == null ? null : dir.path(), out, command.commandLine().getErr());
        return 0;
    }
}

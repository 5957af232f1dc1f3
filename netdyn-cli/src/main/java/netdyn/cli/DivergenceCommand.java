package netdyn.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;

import netdyn.cli.io.Json;
import netdyn.cli.io.Progress;
import netdyn.cli.io.RunDirectory;
import netdyn.run.ResolvedRun;
import netdyn.BadInputException;
import netdyn.analysis.DivergenceExperiment;
import netdyn.analysis.DivergenceResult;
import netdyn.analysis.DivergenceSpec;
import netdyn.nn.Batch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code netdyn divergence}: the reference study's orbital-stability protocol and its nMLE. */
@Command(name = "divergence", mixinStandardHelpOptions = true,
        description = "Orbital stability (SCIENCE.md §2): inits × perturbed replicas trained together, distances to "
                + "the reference run, normalised curves, and the finite-time exponent (nMLE) by best-R² window fits.",
        footer = {"", "Examples:", "  ./netdyn divergence --preset study-eos --out out/eos",
                "  ./netdyn divergence --lr 1 --steps 200 --inits 50 --replicas 5 --eps 1e-14:1e-1:14 --json",
                "  ./netdyn divergence --lr 0.01 --steps 5000 --perturb-at 4000 --eps 1e-8",
                "", "Presets (explicit options override them): study-small (η 0.01, 5000 steps, 10 × 20, ε 1e-15..1e-2), "
                + "study-post-learning (the same, perturbed at step 4000), study-eos (η 1, 200 steps, 500 × 5, "
                + "ε 1e-14..1e-1), study-chaotic (η 5, 10000 steps, 20 × 5, ε 1e-8)."})
final class DivergenceCommand implements Callable<Integer> {
    @Spec
    CommandSpec command;

    @Mixin
    NetworkOptions network;

    @Mixin
    OutputOptions output;

    @Mixin
    DivergenceOptions options;

    @Override
    public Integer call() throws IOException {
        StudyPresets.apply(options, network, command.commandLine().getParseResult());
        DivergenceSpec spec = options.spec(network.seed);
        ResolvedRun setup = network.resolve(options.steps);
        if (network.initFrom != null) {
            throw new BadInputException("--init-from does not apply to divergence: its inits are drawn from --seed");
        }
        RunDirectory dir = RunDirectory.create(output.outOrDefault("divergence"), output.force);
        DivergenceWriter.writeManifest(dir, command, network.describe(setup), options, spec.epsilons());
        PrintWriter out = command.commandLine().getOut();
        return EarlyEnd.guard(dir, output.json ? out : null, null, Map::of, () -> {
            Progress progress = new Progress(command.commandLine().getErr(), "divergence", null, spec.totalWork(),
                    output.json);
            DivergenceResult result;
            try (DivergenceWriter writer = new DivergenceWriter(dir, spec)) {
                result = new DivergenceExperiment(setup.spec(), Batch.of(setup.trainSet()), setup.optimizer(),
                        setup.init()).run(spec, writer.observer(progress));
            }
            progress.done();
            Map<String, Object> summary = DivergenceWriter.summary(result, spec, setup.optimizer().learningRate());
            if (options.labelRegimes()) {
                summary.put("regimes", DivergenceRegimes.of(setup, options.inits, options.steps, network.seed));
            }
            summary.put("study", StudyPresets.findings(options.preset));
            summary.put("out", dir.path().toString());
            Json.write(dir.file("summary.json"), summary);
            DivergenceWriter.writeResults(dir, result, spec);
            if (output.json) {
                out.println(Json.write(summary));
            } else {
                DivergenceWriter.printText(out, result, spec, dir, summary, options.preset);
            }
            output.writeReport(dir.path(), out, command.commandLine().getErr());
            return 0;
        });
    }
}

package netdyn.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;

import netdyn.analysis.StepReportingMap;
import netdyn.cli.io.Json;
import netdyn.cli.io.Plots;
import netdyn.cli.io.Progress;
import netdyn.cli.io.RunDirectory;
import netdyn.dynamics.DiscreteMap;
import netdyn.lyapunov.QrSpectrumEstimator;
import netdyn.lyapunov.SpectrumResult;
import netdyn.lyapunov.SpectrumSpec;
import netdyn.lyapunov.TwinOrbitEstimator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code netdyn lyapunov}: the Lyapunov spectrum of a reference system or of training by gradient descent. */
@Command(name = "lyapunov", mixinStandardHelpOptions = true,
        description = "Lyapunov spectrum by QR of exact tangent maps (and the maximal exponent from twin orbits) "
                + "of a reference system (--system) or of gradient descent on a network (network options).",
        footer = {"", "Examples:", "  ./netdyn lyapunov --system henon --steps 100000 --json",
                "  ./netdyn lyapunov --system lorenz:rho=28,dt=0.01 --steps 100000 --transient 2000",
                "  ./netdyn lyapunov --data iris --hidden 10 --lr 1 --steps 2000 --k all --out out/eos",
                "", "Files with --out: exponents.npy (k, descending), running.npy ([M × (1+k)]: step, then the running "
                + "estimate of each exponent after every QR step), running.png, summary.json, manifest.json."})
final class LyapunovCommand implements Callable<Integer> {
    @Spec
    CommandSpec command;

    @Mixin
    NetworkOptions network;

    @Mixin
    OutputOptions output;

    @Mixin
    LyapunovOptions options;

    @Override
    public Integer call() throws IOException {
        LyapunovSource source = LyapunovSource.of(options.system, network, command,
                options.steps == null ? 1 : options.steps);
        DiscreteMap map = source.map();
        options.explicitK = command.commandLine().getParseResult().hasMatchedOption("--k");
        SpectrumSpec spec = options.spec(map.dimension(), source.defaultTransient(), source.parameters());
        RunDirectory dir = output.writesDirectory() ? RunDirectory.create(output.outOrDefault("lyapunov"),
                output.force) : null;
        if (dir != null) {
            // first: an interrupted run directory still says what it was
            LyapunovWriter.writeManifest(dir, command, source.config(), spec);
            Plots.warmUpInBackground(); // running.png comes at the end: start the plotting stack meanwhile
        }
        PrintWriter out = command.commandLine().getOut();
        LyapunovWriter writer = new LyapunovWriter(spec);
        return EarlyEnd.guard(dir, output.json ? out : null, null, () -> writer.partial(dir), () -> {
            Progress progress = new Progress(command.commandLine().getErr(), "lyapunov", "λ1 so far", spec.steps(),
                    output.json);
            SpectrumResult result = new QrSpectrumEstimator(map, spec.k()).run(source.x0(), spec,
                    (step, estimates) -> {
                        writer.running(step, estimates);
                        progress.update(step, estimates[0]);
                    });
            progress.done();
            TwinOrbitEstimator.Result twin = null;
            if (!options.noTwin) {
                long twinSteps = spec.transient_() + spec.steps();
                Progress twinProgress = new Progress(command.commandLine().getErr(), "lyapunov twin orbit", null,
                        twinSteps, output.json);
                twin = TwinOrbitEstimator.run(new StepReportingMap(map, t -> twinProgress.update(t, Double.NaN)),
                        source.x0(), spec.transient_(), spec.steps(), options.twinDistance, spec.seed());
                twinProgress.done();
            }
            Map<String, Object> summary = LyapunovWriter.summary(source.label(), map, result, twin,
                    options.twinDistance);
            if (dir != null) {
                writer.writeFiles(dir, summary, result, source.label(), map.timePerStep());
                summary.put("out", dir.path().toString());
            }
            if (output.json) {
                out.println(Json.write(summary));
            } else {
                LyapunovWriter.printText(out, source.label(), summary, result, twin, dir);
            }
            output.writeReport(dir == null ? null : dir.path(), out, command.commandLine().getErr());
            return 0;
        });
    }
}

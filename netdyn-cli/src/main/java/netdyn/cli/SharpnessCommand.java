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
import netdyn.analysis.SharpnessRun;
import netdyn.curvature.HessianSpectrum;
import netdyn.nn.Batch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code netdyn sharpness}: top Hessian eigenvalues along a run against 2/η, and full spectra. */
@Command(name = "sharpness", mixinStandardHelpOptions = true,
        description = "Train by gradient descent and follow the sharpness (top Hessian eigenvalues, by Lanczos on "
                + "exact Hessian-vector products) against the 2/η stability bound; full Hessian spectrum at chosen "
                + "steps with its flat (near-zero) and negative directions.",
        footer = {"", "Example:", "  ./netdyn sharpness --data iris --lr 1 --steps 2000 --every 10 --full-at 0,end "
                + "--out out/sharp",
                "", "Files: sharpness.npy ([M × (2+top)]: step, loss, λ1..λtop), sharpness.png, "
                + "hessian-spectrum-STEP.npy (descending), summary.json, manifest.json."})
final class SharpnessCommand implements Callable<Integer> {
    @Spec
    CommandSpec command;

    @Mixin
    NetworkOptions network;

    @Mixin
    OutputOptions output;

    @Mixin
    SharpnessOptions options;

    @Override
    public Integer call() throws IOException {
        long[] fulls = options.fullAtSteps();
        ResolvedRun setup = network.resolve(options.steps);
        int p = setup.theta0().length;
        String fullSkipped = null;
        if (fulls.length > 0 && !HessianSpectrum.fits(p)) {
            if (command.commandLine().getParseResult().hasMatchedOption("--full-at")) {
                throw new BadInputException("--full-at " + options.fullAt + " asks for the full Hessian spectrum of "
                        + p + " parameters; " + HessianSpectrum.limitText(p) + "; use --full-at none (--top "
                        + options.top + " gives the top eigenvalues along the run)");
            }
            // the default 'end' is an extra: skipped, and said so; the Lanczos top eigenvalues still run
            fullSkipped = "P = " + p + " > " + HessianSpectrum.MAX_PARAMETERS + ": " + HessianSpectrum.limitText(p)
                    + "; the top " + options.top + " eigenvalues come from Lanczos";
            fulls = new long[0];
        }
        long[] fullSteps = fulls;
        String skipped = fullSkipped;
        RunDirectory dir = RunDirectory.create(output.outOrDefault("sharpness"), output.force);
        // the manifest first: an interrupted run directory still says what it was
        SharpnessWriter.writeManifest(dir, command, network.describe(setup), options);
        double eta = setup.optimizer().learningRate();
        PrintWriter out = command.commandLine().getOut();
        Progress progress = new Progress(command.commandLine().getErr(), "sharpness", "λ_max", options.steps,
                output.json);
        SharpnessWriter writer = new SharpnessWriter(dir, options.top, progress);
        return EarlyEnd.guard(dir, output.json ? out : null, null, Map::of, () -> {
            SharpnessRun.Result result;
            try (writer) {
                result = new SharpnessRun(setup.spec(), Batch.of(setup.trainSet()), setup.optimizer(),
                        Runtime.getRuntime().availableProcessors())
                        .run(setup.theta0(), options.steps, options.every, options.top, options.lanczos, fullSteps,
                                options.tolerance, network.seed, writer);
            }
            progress.done();
            Map<String, Object> summary = writer.summary(result, eta, p);
            if (skipped != null) {
                summary.put("fullSpectraSkipped", skipped);
            }
            writer.writeFiles(summary, eta);
            if (output.json) {
                out.println(Json.write(summary));
            } else {
                writer.printText(out, result, options.steps, eta);
                if (skipped != null) {
                    out.println("  full Hessian spectrum at the end skipped: " + skipped);
                }
            }
            output.writeReport(dir.path(), out, command.commandLine().getErr());
            return 0;
        });
    }
}

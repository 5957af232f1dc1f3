package netdyn.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;

import netdyn.analysis.TrainingResult;
import netdyn.analysis.TrainingRun;
import netdyn.cli.io.Json;
import netdyn.cli.io.Progress;
import netdyn.cli.io.RunDirectory;
import netdyn.nn.Batch;
import netdyn.run.ResolvedRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code netdyn train}: one gradient-descent run, its whole orbit recorded. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a network by gradient descent and record the orbit: loss at every step, "
                + "parameters and accuracy every k steps.",
        footer = {"", "Example:", "  ./netdyn train --data iris --lr 0.01 --steps 5000 --out out/iris-small",
                "", "Files: manifest.json, summary.json, loss.npy (T+1 values), accuracy.npy ([M×5]: step, train loss,"
                + " train accuracy, test loss, test accuracy), params.npy ([M×P] at the same steps)."})
final class TrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec command;

    @Mixin
    NetworkOptions network;

    @Mixin
    OutputOptions output;

    @Mixin
    TrainOptions options;

    @Override
    public Integer call() throws IOException {
        options.validate();
        ResolvedRun setup = network.resolve(options.steps);
        RunDirectory dir = RunDirectory.create(output.outOrDefault("train"), output.force);
        long recordEvery = options.recordEvery(setup.theta0().length);
        TrainWriter.writeManifest(dir, command, network.describe(setup), options.steps, recordEvery);
        PrintWriter out = command.commandLine().getOut();
        TrainWriter.Orbit orbit = new TrainWriter.Orbit(dir, setup.theta0().length);
        return EarlyEnd.guard(dir, output.json ? out : null, null, () -> Json.ordered("recordEvery", recordEvery,
                "lastLoss", Json.number(orbit.lastLoss())), () -> {
            long started = System.nanoTime();
            TrainingResult result;
            try (orbit) {
                Progress progress = orbit.progress(command.commandLine().getErr(), options.steps, output.json);
                Batch train = Batch.of(setup.trainSet());
                Batch test = setup.testSet().size() == 0 ? null : Batch.of(setup.testSet());
                // one orbit: every core shares its layer products (the numbers do not depend on it)
                result = new TrainingRun(setup.spec(), train, test, setup.optimizer(),
                        Runtime.getRuntime().availableProcessors()).run(setup.theta0(), options.steps, recordEvery, orbit);
                progress.done();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            Map<String, Object> summary = TrainWriter.summary(dir, setup, result, recordEvery, seconds);
            if (output.json) {
                out.println(Json.write(summary));
            } else {
                TrainWriter.printText(out, dir, result, seconds, summary);
            }
            output.writeReport(dir.path(), out, command.commandLine().getErr());
            return 0;
        });
    }
}

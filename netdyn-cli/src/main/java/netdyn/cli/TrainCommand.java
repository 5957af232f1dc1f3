package netdyn.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;

import netdyn.analysis.TrainingResult;
import netdyn.analysis.TrainingRun;
import netdyn.nn.Batch;
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
        NetworkOptions.Setup setup = network.resolve();
        RunDirectory dir = RunDirectory.create(output.outOrDefault("train"), output.force);
        TrainWriter.writeManifest(dir, command, network.describe(setup), options);
        long started = System.nanoTime();
        TrainingResult result;
        try (TrainWriter.Orbit orbit = new TrainWriter.Orbit(dir, setup.theta0().length)) {
            Progress progress = orbit.progress(command.commandLine().getErr(), options.steps, output.json);
            Batch train = Batch.of(setup.trainSet());
            Batch test = setup.testSet().size() == 0 ? null : Batch.of(setup.testSet());
            result = new TrainingRun(setup.spec(), train, test, setup.optimizer())
                    .run(setup.theta0(), options.steps, options.recordEvery, orbit);
            progress.done();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Map<String, Object> summary = TrainWriter.summary(dir, setup, result, seconds);
        PrintWriter out = command.commandLine().getOut();
        if (output.json) {
            out.println(Json.write(summary));
        } else {
            TrainWriter.printText(out, dir, result, seconds);
        }
        return 0;
    }
}

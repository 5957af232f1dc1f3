package netdyn.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import netdyn.BadInputException;
import netdyn.analysis.TrainingObserver;
import netdyn.analysis.TrainingResult;
import netdyn.analysis.TrainingRun;
import netdyn.nn.Batch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
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

    @Option(names = "--steps", defaultValue = "5000", description = "Gradient steps T (default: ${DEFAULT-VALUE}).")
    long steps;

    @Option(names = "--record-every", defaultValue = "1", paramLabel = "K",
            description = "Record parameters and accuracy every K steps (default: ${DEFAULT-VALUE}).")
    long recordEvery;

    @Override
    public Integer call() throws IOException {
        if (steps < 1) {
            throw new BadInputException("--steps must be >= 1 (got " + steps + ")");
        }
        if (recordEvery < 1) {
            throw new BadInputException("--record-every must be >= 1 (got " + recordEvery + ")");
        }
        NetworkOptions.Setup setup = network.resolve();
        RunDirectory dir = RunDirectory.create(output.outOrDefault("train"), output.force);
        PrintWriter err = command.commandLine().getErr();
        PrintWriter out = command.commandLine().getOut();

        Map<String, Object> manifest = RunDirectory.manifestHeader("train", command);
        manifest.putAll(network.describe(setup));
        manifest.put("steps", steps);
        manifest.put("recordEvery", recordEvery);
        manifest.put("files", Map.of(
                "loss.npy", "training loss L(θ_t), t = 0..T (float64, T+1 values; ends at the non-finite value if "
                        + "the run diverged)",
                "accuracy.npy", "[M × 5]: step, train loss, train accuracy, test loss, test accuracy at recorded steps "
                        + "(NaN without a test set)",
                "params.npy", "[M × P]: θ at the same recorded steps (t = 0, k, 2k, ... and T)",
                "summary.json", "how the run ended"));
        Json.write(dir.file("manifest.json"), manifest);

        int p = setup.theta0().length;
        long started = System.nanoTime();
        TrainingResult result;
        try (NpyWriter loss = NpyWriter.series(dir.file("loss.npy"));
             NpyWriter accuracy = NpyWriter.matrix(dir.file("accuracy.npy"), 5);
             NpyWriter params = NpyWriter.matrix(dir.file("params.npy"), p)) {
            Progress progress = new Progress(err, "train", "loss", steps, output.json);
            double[] row = new double[5];
            TrainingObserver observer = new TrainingObserver() {
                @Override
                public void loss(long t, double value) {
                    try {
                        loss.append(value);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    progress.update(t, value);
                }

                @Override
                public void snapshot(Snapshot s, double[] theta) {
                    row[0] = s.step();
                    row[1] = s.trainLoss();
                    row[2] = s.trainAccuracy();
                    row[3] = s.testLoss();
                    row[4] = s.testAccuracy();
                    try {
                        accuracy.appendRow(row, 0);
                        params.appendRow(theta, 0);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
            };
            Batch train = Batch.of(setup.trainSet());
            Batch test = setup.testSet().size() == 0 ? null : Batch.of(setup.testSet());
            result = new TrainingRun(setup.spec(), train, test, setup.optimizer())
                    .run(setup.theta0(), steps, recordEvery, observer);
            progress.done();
        }
        double seconds = (System.nanoTime() - started) / 1e9;

        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("status", result.status());
        summary.put("steps", result.steps());
        summary.put("divergedAtStep", result.diverged() ? result.steps() : null);
        summary.put("finalLoss", Json.number(result.finalLoss()));
        summary.put("trainAccuracy", Json.number(result.trainAccuracy()));
        summary.put("testLoss", Json.number(result.testLoss()));
        summary.put("testAccuracy", Json.number(result.testAccuracy()));
        summary.put("parameters", p);
        summary.put("seconds", seconds);
        summary.put("out", dir.path().toString());
        Json.write(dir.file("summary.json"), summary);

        if (output.json) {
            out.println(Json.write(summary));
        } else {
            out.printf("%s: %s after %d steps, loss %s, train accuracy %s, test accuracy %s (%.2f s)%n",
                    dir.path(), result.diverged() ? "diverged at step " + result.steps() : "ok", result.steps(),
                    fmt(result.finalLoss()), fmt(result.trainAccuracy()), fmt(result.testAccuracy()), seconds);
        }
        return 0;
    }

    private static String fmt(double v) {
        return Double.isFinite(v) ? String.format("%.6g", v) : "n/a";
    }
}

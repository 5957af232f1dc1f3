package netdyn.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import netdyn.BadInputException;
import netdyn.analysis.SharpnessRun;
import netdyn.curvature.HessianSpectrum;
import netdyn.nn.Batch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
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

    @Option(names = "--steps", defaultValue = "2000", description = "Gradient steps T (default: ${DEFAULT-VALUE}).")
    long steps;

    @Option(names = "--every", defaultValue = "10", paramLabel = "K",
            description = "Top eigenvalues every K steps (default: ${DEFAULT-VALUE}).")
    long every;

    @Option(names = "--top", defaultValue = "3", description = "How many top eigenvalues (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--lanczos", defaultValue = "30", paramLabel = "M",
            description = "Lanczos iterations (Krylov dimension, capped at P; default: ${DEFAULT-VALUE}).")
    int lanczos;

    @Option(names = "--full-at", defaultValue = "end", paramLabel = "STEP[,STEP...]",
            description = "Steps at which to compute the full Hessian spectrum ('end' = T, 'none'; "
                    + "default: ${DEFAULT-VALUE}).")
    String fullAt;

    @Option(names = "--tolerance", defaultValue = "1e-8",
            description = "|λ| <= tolerance · max|λ| counts as a flat direction (default: ${DEFAULT-VALUE}).")
    double tolerance;

    @Override
    public Integer call() throws IOException {
        if (steps < 0) {
            throw new BadInputException("--steps must be >= 0 (got " + steps + ")");
        }
        if (top < 1 || top > lanczos) {
            throw new BadInputException("--top must be between 1 and --lanczos " + lanczos + " (got " + top + ")");
        }
        long[] fulls = parseFullAt();
        NetworkOptions.Setup setup = network.resolve();
        int p = setup.theta0().length;
        if (fulls.length > 0 && p > 5000) {
            throw new BadInputException("--full-at: the full Hessian of " + p + " parameters is too large "
                    + "(limit 5000); use --full-at none");
        }
        RunDirectory dir = RunDirectory.create(output.outOrDefault("sharpness"), output.force);
        // the manifest first: an interrupted run directory still says what it was
        Map<String, Object> manifest = RunDirectory.manifestHeader("sharpness", command);
        manifest.putAll(network.describe(setup));
        manifest.put("steps", steps);
        manifest.put("every", every);
        manifest.put("top", top);
        manifest.put("lanczos", lanczos);
        manifest.put("tolerance", tolerance);
        manifest.put("lanczosSeed", "Seeds.derive(seed, \"lanczos\", call index)");
        Json.write(dir.file("manifest.json"), manifest);
        double eta = setup.optimizer().learningRate();
        PrintWriter err = command.commandLine().getErr();
        Progress progress = new Progress(err, "sharpness", "λ_max", steps, output.json);
        List<double[]> series = new ArrayList<>();
        List<Map<String, Object>> spectra = new ArrayList<>();
        SharpnessRun.Result result;
        try (NpyWriter w = NpyWriter.matrix(dir.file("sharpness.npy"), 2 + top)) {
            result = new SharpnessRun(setup.spec(), Batch.of(setup.trainSet()), setup.optimizer())
                    .run(setup.theta0(), steps, every, top, lanczos, fulls, tolerance, network.seed,
                            new SharpnessRun.Observer() {
                                @Override
                                public void sharpness(long t, double loss, double[] eig) {
                                    double[] row = new double[2 + top];
                                    row[0] = t;
                                    row[1] = loss;
                                    java.util.Arrays.fill(row, 2, row.length, Double.NaN);
                                    System.arraycopy(eig, 0, row, 2, eig.length);
                                    series.add(row);
                                    try {
                                        w.appendRow(row, 0);
                                    } catch (IOException e) {
                                        throw new UncheckedIOException(e);
                                    }
                                    progress.update(t, eig[0]);
                                }

                                @Override
                                public void fullSpectrum(long t, HessianSpectrum s) {
                                    try (NpyWriter f = NpyWriter.series(dir.file("hessian-spectrum-" + t + ".npy"))) {
                                        for (double v : s.eigenvalues()) {
                                            f.append(v);
                                        }
                                    } catch (IOException e) {
                                        throw new UncheckedIOException(e);
                                    }
                                    Map<String, Object> m = new LinkedHashMap<>();
                                    m.put("step", t);
                                    m.put("max", s.eigenvalues()[0]);
                                    m.put("min", s.eigenvalues()[s.eigenvalues().length - 1]);
                                    m.put("nearZero", s.nearZero());
                                    m.put("negative", s.negative());
                                    m.put("file", "hessian-spectrum-" + t + ".npy");
                                    spectra.add(m);
                                }
                            });
        }
        progress.done();

        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("status", result.diverged() ? "diverged" : "ok");
        summary.put("steps", result.steps());
        summary.put("learningRate", eta);
        summary.put("twoOverEta", 2 / eta);
        summary.put("maxSharpness", Json.number(result.maxSharpness()));
        summary.put("finalSharpness", Json.number(result.finalSharpness()));
        summary.put("maxSharpnessTimesEtaOverTwo", Json.number(result.maxSharpness() * eta / 2));
        summary.put("fullSpectra", spectra);
        summary.put("parameters", p);
        summary.put("out", dir.path().toString());

        Json.write(dir.file("summary.json"), summary);
        plot(dir, series, eta);

        PrintWriter out = command.commandLine().getOut();
        if (output.json) {
            out.println(Json.write(summary));
        } else {
            out.printf("%s: %s; sharpness max %.6g, final %.6g, 2/η = %.6g%n", dir.path(),
                    result.diverged() ? "diverged at step " + result.steps() : "ok after " + steps + " steps",
                    result.maxSharpness(), result.finalSharpness(), 2 / eta);
            for (Map<String, Object> m : spectra) {
                out.printf("  full Hessian at step %s: λ_max %.6g, λ_min %.6g, %s near zero, %s negative%n", m.get("step"),
                        (double) m.get("max"), (double) m.get("min"), m.get("nearZero"), m.get("negative"));
            }
        }
        return 0;
    }

    private long[] parseFullAt() {
        String s = fullAt.trim();
        if (s.equals("none")) {
            return new long[0];
        }
        String[] parts = s.split(",");
        long[] out = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i].trim();
            if (part.equals("end")) {
                out[i] = steps;
                continue;
            }
            try {
                out[i] = Long.parseLong(part);
            } catch (NumberFormatException e) {
                throw new BadInputException("--full-at: '" + part + "' is not a step (use e.g. 0,500,end or none)");
            }
            if (out[i] < 0 || out[i] > steps) {
                throw new BadInputException("--full-at: step " + out[i] + " is outside 0.." + steps);
            }
        }
        return out;
    }

    private static void plot(RunDirectory dir, List<double[]> series, double eta) throws IOException {
        if (series.isEmpty()) {
            return;
        }
        double[] t = new double[series.size()];
        double[] l1 = new double[series.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = series.get(i)[0];
            l1[i] = series.get(i)[2];
        }
        Plots.lineChart(dir.file("sharpness.png"), "Sharpness against the 2/η bound (η = " + eta + ")", "step",
                "largest Hessian eigenvalue", List.of(Plots.Line.of("λ_max", t, l1),
                        Plots.Line.horizontal("2/η", t[0], t[t.length - 1], 2 / eta)), false);
    }
}

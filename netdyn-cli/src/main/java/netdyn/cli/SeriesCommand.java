package netdyn.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;

import netdyn.analysis.SeriesReport;
import netdyn.cli.io.Json;
import netdyn.cli.io.RunDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code netdyn series}: every scalar diagnostic of {@code netdyn.series} on one series (a file or a run's loss). */
@Command(name = "series", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Diagnostics of a scalar series (SCIENCE.md §2, §4): 0–1 test for chaos, autocorrelation with a "
                + "shuffle null band, periodogram, permutation entropy, maximal Lyapunov exponent by delay embedding "
                + "(Rosenstein, Kantz), monotonicity, laminar phases, and the study's local expansion rates.",
        footer = {"", "Examples:", "  ./netdyn series --run out/train-eta5 --skip 1000 --json",
                "  ./netdyn series --input loss.csv --lags 30 --shuffles 1000 --band 3,97 --out out/series",
                "  ./netdyn series --input x.npy --method both --embedding 2 --theiler 10 --fit-range 1:10",
                "", "Files with --out: series.npy (the series analysed), acf.npy ([m+1 × 4]: lag, r, band lower, "
                + "upper), periodogram.npy ([M/2+1 × 2]: frequency, power), divergence-METHOD.npy ([K+1 × 3]: n, "
                + "S(n), pairs), zero-one.npy ([C × 2]: c, K_c), laminar-phases.npy ([P × 2]: start, length), "
                + "expansion-rates.npy ([R × 7]: t0, x(t0), neighbours, rate, R², p, significant), acf.png, "
                + "periodogram.png, divergence.png, expansion-rates.png, expansion-rates-vs-value.png, series.png, "
                + "summary.json, manifest.json."})
final class SeriesCommand implements Callable<Integer> {
    @Spec
    CommandSpec command;

    @Mixin
    OutputOptions output;

    @Mixin
    SeriesInput input;

    @Mixin
    SeriesOptions options;

    @Override
    public Integer call() throws IOException {
        SeriesReport.Spec spec = options.spec();
        double[] x = input.read();
        options.requireLength(x, input, spec);
        RunDirectory dir = output.writesDirectory() ? RunDirectory.create(output.outOrDefault("series"),
                output.force) : null;
        if (dir != null) {
            // first: an interrupted run directory still says what it was
            SeriesWriter.writeManifest(dir, command, input, options.seed, x.length);
        }
        SeriesReport.Result result = SeriesReport.of(x, spec);
        Map<String, Object> summary = SeriesWriter.summary(input, x, spec, result);
        if (dir != null) {
            SeriesWriter.writeFiles(dir, summary, input, x, spec, result);
            summary.put("out", dir.path().toString());
        }
        PrintWriter out = command.commandLine().getOut();
        if (output.json) {
            out.println(Json.write(summary));
        } else {
            SeriesWriter.printText(out, input, x, result, dir == null ? null : dir.path());
        }
        output.writeReport(dir == null ? null : dir.path(), out, command.commandLine().getErr());
        return 0;
    }
}

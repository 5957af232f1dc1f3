package netdyn.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import netdyn.analysis.ResultKeys;
import netdyn.analysis.SeriesReport;
import netdyn.cli.io.Json;
import netdyn.cli.io.NpyWriter;
import netdyn.cli.io.Plots;
import netdyn.cli.io.RunDirectory;
import netdyn.series.AutocorrelationResult;
import netdyn.series.LaminarPhasesResult;
import netdyn.series.LocalExpansionRatesResult;
import netdyn.series.MonotonicityResult;
import netdyn.series.PeriodogramResult;
import netdyn.series.PermutationEntropyResult;
import netdyn.series.ScalarExponentResult;
import netdyn.series.ZeroOneTestResult;
import picocli.CommandLine.Model.CommandSpec;

/** Summary, text, files and figures of {@code netdyn series}. */
final class SeriesWriter {
    private SeriesWriter() {
    }

    /** manifest.json: the command line, the input window and the seeds. */
    static void writeManifest(RunDirectory dir, CommandSpec command, SeriesInput input, long seed, int n)
            throws IOException {
        Map<String, Object> manifest = RunDirectory.manifestHeader("series", command);
        manifest.putAll(input.describe(n));
        manifest.put("seed", seed);
        manifest.put("seedDerivation", "ACF shuffle s: Seeds.derive(seed, \"acf-shuffle\", s); 0–1 test frequencies: "
                + "Seeds.derive(seed, \"zero-one-frequencies\"); expansion reference times: "
                + "Seeds.derive(seed, \"expansion-references\")");
        manifest.put("options", command.commandLine().getParseResult().matchedOptions().stream()
                .map(o -> o.longestName()).toList());
        Json.write(dir.file("manifest.json"), manifest);
    }

    /** The summary (stdout with --json, summary.json with --out); non-finite numbers as null. */
    static Map<String, Object> summary(SeriesInput input, double[] x, SeriesReport.Spec spec, SeriesReport.Result r) {
        AutocorrelationResult acf = r.acf();
        PeriodogramResult spectrum = r.periodogram();
        MonotonicityResult mono = r.monotonicity();
        LaminarPhasesResult laminar = r.laminarPhases();
        ZeroOneTestResult zeroOne = r.zeroOne();
        PermutationEntropyResult pe = r.permutationEntropy();
        LocalExpansionRatesResult expansion = r.expansionRates();
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("input", input.path().toString());
        s.put("n", x.length);
        s.put("skip", input.skip);
        s.put(ResultKeys.ZERO_ONE_K, Json.number(zeroOne.k()));
        s.put("acf", Json.numbers(acf.acf()));
        s.put("permutationEntropy", Json.number(pe.entropy()));
        s.put("maxLyapunov", exponent(r.maxLyapunov(), false));

        s.put("zeroOne", Json.ordered("k", Json.number(zeroOne.k()), "frequencies", zeroOne.kc().length,
                "cutoff", zeroOne.cutoff()));
        s.put("acfBand", Json.ordered("lower", Json.numbers(acf.lower()), "upper", Json.numbers(acf.upper()),
                "shuffles", acf.shuffles(),
                "percentiles", List.of(spec.acf().lowerPercentile(), spec.acf().upperPercentile()), "outsideLags",
                acf.outsideLags()));
        s.put("permutation", Json.ordered("order", pe.order(), "delay", pe.delay(),
                "entropyNats", Json.number(pe.entropyNats()),
                "patterns", pe.patterns(), "distinctPatterns", pe.distinctPatterns(),
                "missingPatterns", pe.missingPatterns()));
        List<Object> divergence = new ArrayList<>();
        for (ScalarExponentResult e : r.exponents()) {
            divergence.add(exponent(e, true));
        }
        s.put("divergence", divergence);
        List<Object> peakList = new ArrayList<>();
        for (PeriodogramResult.Peak p : spectrum.peaks()) {
            peakList.add(Json.ordered("period", p.period(), "frequency", p.frequency(), "power", p.power()));
        }
        s.put("periodogram", Json.ordered("dominantPeriods",
                spectrum.peaks().stream().map(PeriodogramResult.Peak::period)
                .toList(), "fundamentalPeriod", Json.number(spectrum.fundamentalPeriod()), "peaks", peakList,
                "transformLength", spectrum.transformLength()));
        s.put("monotonicity", Json.ordered(ResultKeys.FRACTION_INCREASING, mono.fractionIncreasing(),
                "risingSteps", mono.risingSteps(),
                "rises", mono.rises(), "largestRise", mono.largestRise(), "largestRiseAt", mono.largestRiseAt(),
                "longestRise", mono.longestRise(), "netChange", mono.netChange()));
        s.put("laminarPhases", Json.ordered("count", laminar.count(), "threshold", laminar.threshold(), "period",
                laminar.period(), ResultKeys.LAMINAR_FRACTION, laminar.laminarFraction(), "meanLength",
                Json.number(laminar.meanLength()), "starts", laminar.starts(), "lengths", laminar.lengths(),
                "switchingTimes", laminar.switchingTimes()));
        double[] sig = expansion.significantRates();
        s.put("expansionRates", Json.ordered("references", expansion.referenceTimes().length, "significant",
                expansion.significantCount(), "fractionPositive", Json.number(expansion.fractionPositive()),
                "medianSignificantRate", Json.number(median(sig)), "withoutNeighbours",
                (int) Arrays.stream(expansion.neighbours()).filter(c -> c == 0).count()));
        return s;
    }

    private static Map<String, Object> exponent(ScalarExponentResult e, boolean withCurve) {
        Map<String, Object> m = Json.ordered("value", Json.number(e.exponent()), "method", e.method(),
                "fitFrom", e.fitFrom(),
                "fitTo", e.fitTo(), "r2", Json.number(e.r2()), "references", e.references(), "failure", e.failure());
        if (withCurve) {
            m.put("curve", Json.numbers(e.curve()));
        }
        return m;
    }

    /** summary.json, the NPY files and the figures the command's footer lists. */
    static void writeFiles(RunDirectory dir, Map<String, Object> summary, SeriesInput input, double[] x,
                           SeriesReport.Spec spec, SeriesReport.Result r) throws IOException {
        AutocorrelationResult acf = r.acf();
        LocalExpansionRatesResult expansion = r.expansionRates();
        Json.write(dir.file("summary.json"), summary);

        NpyWriter.writeColumns(dir.file("series.npy"), x);
        double[] lagIndex = new double[acf.acf().length];
        for (int k = 0; k < lagIndex.length; k++) {
            lagIndex[k] = k;
        }
        NpyWriter.writeColumns(dir.file("acf.npy"), lagIndex, acf.acf(), acf.lower(), acf.upper());
        NpyWriter.writeColumns(dir.file("periodogram.npy"), r.periodogram().frequencies(), r.periodogram().power());
        NpyWriter.writeColumns(dir.file("zero-one.npy"), r.zeroOne().frequencies(), r.zeroOne().kc());
        for (ScalarExponentResult e : r.exponents()) {
            double[] n = new double[e.curve().length];
            for (int i = 0; i < n.length; i++) {
                n[i] = i;
            }
            NpyWriter.writeColumns(dir.file("divergence-" + e.method() + ".npy"), n, e.curve(), doubles(e.pairs()));
        }
        LaminarPhasesResult laminar = r.laminarPhases();
        NpyWriter.writeColumns(dir.file("laminar-phases.npy"), doubles(laminar.starts()), doubles(laminar.lengths()));
        int references = expansion.referenceTimes().length;
        double[] sig = new double[references];
        for (int i = 0; i < references; i++) {
            sig[i] = expansion.significant()[i] ? 1 : 0;
        }
        NpyWriter.writeColumns(dir.file("expansion-rates.npy"), doubles(expansion.referenceTimes()),
                expansion.referenceValues(),
                doubles(expansion.neighbours()), expansion.rates(), expansion.r2(), expansion.pValues(), sig);

        double[] t = new double[x.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = i + input.skip;
        }
        Plots.lineChart(dir.file("series.png"), "Series (" + x.length + " values)", "step", "value",
                List.of(Plots.Line.of("x", t, x)), false);
        if (Double.isFinite(acf.acf()[1])) {
            List<Plots.Line> lines = new ArrayList<>();
            lines.add(Plots.Line.of("ACF", lagIndex, acf.acf()));
            if (acf.shuffles() > 0) { // the band from lag 1 (at lag 0 it is 1)
                double[] lagsFromOne = Arrays.copyOfRange(lagIndex, 1, lagIndex.length);
                lines.add(Plots.Line.of("percentile " + plain(spec.acf().lowerPercentile()) + " of " + acf.shuffles()
                        + " shuffles", lagsFromOne, Arrays.copyOfRange(acf.lower(), 1, lagIndex.length)));
                lines.add(Plots.Line.of("percentile " + plain(spec.acf().upperPercentile()), lagsFromOne,
                        Arrays.copyOfRange(acf.upper(), 1, lagIndex.length)));
            }
            lines.add(Plots.Line.horizontal("0", 0, lagIndex.length - 1, 0));
            Plots.lineChart(dir.file("acf.png"), "Autocorrelation and its shuffle null band", "lag", "r(k)", lines,
                    false);
        }
        plotPeriodogram(dir, r.periodogram());
        plotDivergence(dir, r.exponents());
        if (expansion.histogram().counts().length > 0) {
            Plots.histogram(dir.file("expansion-rates.png"), "Significant local expansion rates ("
                    + expansion.significantCount() + " of " + references + ")", "rate per step",
                    expansion.histogram().edges(), expansion.histogram().counts());
            Plots.scatter(dir.file("expansion-rates-vs-value.png"), "Local expansion rate against the value",
                    "value x(t0)", "rate per step", expansion.significantValues(), expansion.significantRates(), false,
                    false);
        }
    }

    private static void plotPeriodogram(RunDirectory dir, PeriodogramResult spectrum) throws IOException {
        double[] f = spectrum.frequencies();
        double[] p = spectrum.power();
        int positive = 0;
        for (int k = 1; k < p.length; k++) {
            positive += p[k] > 0 ? 1 : 0;
        }
        if (positive < 2) {
            return;
        }
        double[] fx = new double[positive];
        double[] py = new double[positive];
        int j = 0;
        for (int k = 1; k < p.length; k++) {
            if (p[k] > 0) {
                fx[j] = f[k];
                py[j++] = p[k];
            }
        }
        Plots.lineChart(dir.file("periodogram.png"), "Periodogram", "frequency (cycles per step)", "power",
                List.of(Plots.Line.of("power", fx, py)), true);
    }

    private static void plotDivergence(RunDirectory dir, List<ScalarExponentResult> exponents) throws IOException {
        List<Plots.Line> lines = new ArrayList<>();
        for (ScalarExponentResult e : exponents) {
            double[] n = new double[e.curve().length];
            for (int i = 0; i < n.length; i++) {
                n[i] = i;
            }
            lines.add(Plots.Line.of(e.method() + " S(n)", n, e.curve()));
            if (e.failure() == null && e.fitFrom() >= 0) {
                double[] fn = {e.fitFrom(), e.fitTo()};
                double[] fy = {e.fitted(e.fitFrom()), e.fitted(e.fitTo())};
                lines.add(Plots.Line.of(e.method() + String.format(Locale.ROOT, " fit n = %d..%d, slope %.4g",
                        e.fitFrom(), e.fitTo(), e.exponent()), fn, fy));
            }
        }
        Plots.lineChart(dir.file("divergence.png"), "Mean log divergence of neighbours", "steps n",
                "mean ln distance", lines, false);
    }

    /** The text summary (stdout without --json); {@code outDir} is the run directory, or null without --out. */
    static void printText(PrintWriter out, SeriesInput input, double[] x, SeriesReport.Result r, Path outDir) {
        ZeroOneTestResult zeroOne = r.zeroOne();
        PermutationEntropyResult pe = r.permutationEntropy();
        ScalarExponentResult lyapunov = r.maxLyapunov();
        AutocorrelationResult acf = r.acf();
        PeriodogramResult spectrum = r.periodogram();
        MonotonicityResult mono = r.monotonicity();
        LaminarPhasesResult laminar = r.laminarPhases();
        LocalExpansionRatesResult expansion = r.expansionRates();
        out.printf(Locale.ROOT, "%s: %d values (after --skip %d)%n", input.label(), x.length, input.skip);
        out.printf(Locale.ROOT, "  0–1 test K = %.4f (median over %d frequencies; ≈1 chaotic, ≈0 regular)%n",
                zeroOne.k(), zeroOne.kc().length);
        out.printf(Locale.ROOT, "  permutation entropy %.4f (order %d, delay %d; %d of %d patterns never seen)%n",
                pe.entropy(), pe.order(), pe.delay(), pe.missingPatterns(), pe.counts().length);
        out.printf(Locale.ROOT, "  maximal Lyapunov exponent %.5g per step (%s, fit n = %d..%d, R² %.5f)%s%n",
                lyapunov.exponent(), lyapunov.method(), lyapunov.fitFrom(), lyapunov.fitTo(), lyapunov.r2(),
                lyapunov.failure() == null ? "" : ": " + lyapunov.failure());
        out.printf(Locale.ROOT, "  ACF r(1..3) = %.4f, %.4f, %.4f; %d of %d lags outside the null band%n",
                at(acf.acf(), 1), at(acf.acf(), 2), at(acf.acf(), 3), acf.outsideLags().length, acf.lags());
        out.printf(Locale.ROOT, "  periodogram: dominant periods %s; fundamental period %s%n",
                spectrum.peaks().stream().map(p -> String.format(Locale.ROOT, "%.4g", p.period())).toList(),
                Double.isNaN(spectrum.fundamentalPeriod()) ? "none"
                        : String.valueOf((long) spectrum.fundamentalPeriod()));
        out.printf(Locale.ROOT, "  monotonicity: %.1f %% of steps rise, %d rises, largest %.4g%n",
                100 * mono.fractionIncreasing(), mono.rises(), mono.largestRise());
        out.printf(Locale.ROOT, "  laminar phases: %d (threshold %.4g, mean length %.4g, %.1f %% of the time)%n",
                laminar.count(), laminar.threshold(), laminar.meanLength(), 100 * laminar.laminarFraction());
        out.printf(Locale.ROOT, "  local expansion rates: %d of %d significant, %.1f %% positive, median %.4g%n",
                expansion.significantCount(), expansion.referenceTimes().length, 100 * expansion.fractionPositive(),
                median(expansion.significantRates()));
        if (outDir != null) {
            out.println("  files in " + outDir);
        }
    }

    // ---- small helpers --------------------------------------------------------------------------------------

    private static double[] doubles(int[] a) {
        return Arrays.stream(a).asDoubleStream().toArray();
    }

    /** 3 for 3.0, 2.5 for 2.5. */
    private static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private static double at(double[] a, int i) {
        return i < a.length ? a[i] : Double.NaN;
    }

    private static double median(double[] v) {
        if (v.length == 0) {
            return Double.NaN;
        }
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : 0.5 * (s[s.length / 2 - 1] + s[s.length / 2]);
    }
}

package netdyn.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import netdyn.BadInputException;
import netdyn.series.Autocorrelation;
import netdyn.series.AutocorrelationResult;
import netdyn.series.AutocorrelationSpec;
import netdyn.series.FitRange;
import netdyn.series.KantzExponent;
import netdyn.series.KantzSpec;
import netdyn.series.LaminarPhases;
import netdyn.series.LaminarPhasesResult;
import netdyn.series.LaminarPhasesSpec;
import netdyn.series.LocalExpansionRates;
import netdyn.series.LocalExpansionRatesResult;
import netdyn.series.LocalExpansionRatesSpec;
import netdyn.series.Monotonicity;
import netdyn.series.MonotonicityResult;
import netdyn.series.MonotonicitySpec;
import netdyn.series.Periodogram;
import netdyn.series.PeriodogramResult;
import netdyn.series.PeriodogramSpec;
import netdyn.series.PermutationEntropy;
import netdyn.series.PermutationEntropyResult;
import netdyn.series.PermutationEntropySpec;
import netdyn.series.RosensteinExponent;
import netdyn.series.RosensteinSpec;
import netdyn.series.ScalarExponentResult;
import netdyn.series.ZeroOneTest;
import netdyn.series.ZeroOneTestResult;
import netdyn.series.ZeroOneTestSpec;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
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
    /** Which scalar exponent is computed; with both, maxLyapunov reports Rosenstein's. */
    enum Method { rosenstein, kantz, both }

    @Spec
    CommandSpec command;

    @Mixin
    OutputOptions output;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @Option(names = "--input", paramLabel = "FILE", required = true,
                description = "The series: a CSV/text file with one column (an optional header line) or a 1-D "
                        + "float64 .npy file.")
        Path input;

        @Option(names = "--run", paramLabel = "DIR", required = true,
                description = "A run directory of netdyn train: its loss.npy.")
        Path run;
    }

    @Option(names = "--skip", defaultValue = "0", paramLabel = "N",
            description = "Drop the first N values (a transient; default: ${DEFAULT-VALUE}).")
    int skip;

    @Option(names = "--length", paramLabel = "N", description = "Keep at most N values after --skip (default: all).")
    Integer length;

    @Option(names = "--seed", defaultValue = "0", description = "Master seed of the shuffles, the 0–1 test's "
            + "frequencies and the reference times (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--lags", defaultValue = "50", description = "Largest ACF lag (default: ${DEFAULT-VALUE}).")
    int lags;

    @Option(names = "--shuffles", defaultValue = "1000", description = "Shuffles for the ACF null band; 0 for none "
            + "(default: ${DEFAULT-VALUE}).")
    int shuffles;

    @Option(names = "--band", defaultValue = "3,97", paramLabel = "LO,HI",
            description = "Percentiles of the null band (default: ${DEFAULT-VALUE}).")
    String band;

    @Option(names = "--peaks", defaultValue = "5", description = "Periodogram peaks reported (default: "
            + "${DEFAULT-VALUE}).")
    int peaks;

    @Option(names = "--pad", description = "Zero-pad the periodogram to a power of two (default: exact length).")
    boolean pad;

    @Option(names = "--max-period", defaultValue = "100", paramLabel = "P",
            description = "Largest period tried for the fundamental period (default: ${DEFAULT-VALUE}).")
    int maxPeriod;

    @Option(names = "--period-tolerance", defaultValue = "0.01", paramLabel = "F",
            description = "P is a period when mean (x(t+P) − x(t))² <= F × mean (x(t+1) − x(t))² (default: "
                    + "${DEFAULT-VALUE}).")
    double periodTolerance;

    @Option(names = "--rise-tolerance", defaultValue = "0", paramLabel = "TOL",
            description = "Steps up by at most TOL do not count as rises (default: ${DEFAULT-VALUE}).")
    double riseTolerance;

    @Option(names = "--laminar-period", defaultValue = "1", paramLabel = "P",
            description = "Laminar when |x(t+P) − x(t)| <= threshold (default: ${DEFAULT-VALUE}).")
    int laminarPeriod;

    @Option(names = "--laminar-fraction", defaultValue = "0.1", paramLabel = "F",
            description = "Threshold = F × std of the lag-P increments (default: ${DEFAULT-VALUE}).")
    double laminarFraction;

    @Option(names = "--laminar-threshold", paramLabel = "TH", description = "An absolute threshold instead.")
    Double laminarThreshold;

    @Option(names = "--laminar-min-length", defaultValue = "10", paramLabel = "L",
            description = "Shortest laminar phase, in points (default: ${DEFAULT-VALUE}).")
    int laminarMinLength;

    @Option(names = "--zero-one-c", defaultValue = "100", paramLabel = "C",
            description = "Random frequencies c of the 0–1 test (default: ${DEFAULT-VALUE}).")
    int zeroOneC;

    @Option(names = "--zero-one-cutoff", defaultValue = "0.1", paramLabel = "F",
            description = "Displacements n up to F × length (default: ${DEFAULT-VALUE}).")
    double zeroOneCutoff;

    @Option(names = "--order", defaultValue = "4", description = "Permutation entropy order d, 2–8 (default: "
            + "${DEFAULT-VALUE}).")
    int order;

    @Option(names = "--pe-delay", defaultValue = "1", description = "Permutation entropy delay (default: "
            + "${DEFAULT-VALUE}).")
    int peDelay;

    @Option(names = "--method", defaultValue = "both", description = "Scalar Lyapunov exponent: ${COMPLETION-"
            + "CANDIDATES} (default: ${DEFAULT-VALUE}; with both, maxLyapunov is Rosenstein's).")
    Method method;

    @Option(names = "--embedding", defaultValue = "2", paramLabel = "M",
            description = "Embedding dimension (default: ${DEFAULT-VALUE}).")
    int embedding;

    @Option(names = "--delay", defaultValue = "1", description = "Embedding delay (default: ${DEFAULT-VALUE}).")
    int delay;

    @Option(names = "--theiler", defaultValue = "10", paramLabel = "W",
            description = "Theiler window: neighbours more than W steps apart (default: ${DEFAULT-VALUE}).")
    int theiler;

    @Option(names = "--horizon", defaultValue = "20", paramLabel = "K",
            description = "Divergence curve over n = 0..K (default: ${DEFAULT-VALUE}).")
    int horizon;

    @Option(names = "--fit-range", defaultValue = "auto", paramLabel = "auto|FROM:TO",
            description = "Steps of the divergence fit (default: ${DEFAULT-VALUE}: the longest linear stretch).")
    String fitRange;

    @Option(names = "--kantz-radius", defaultValue = "0.01", paramLabel = "F",
            description = "Kantz neighbourhood radius, F × std of the series (default: ${DEFAULT-VALUE}).")
    double kantzRadius;

    @Option(names = "--kantz-min-neighbours", defaultValue = "1", paramLabel = "N",
            description = "Kantz: skip references with fewer neighbours (default: ${DEFAULT-VALUE}).")
    int kantzMinNeighbours;

    @Option(names = "--expansion-radius", defaultValue = "5e-5", paramLabel = "R",
            description = "Local expansion rates: neighbours within |x(t1) − x(t0)| < R (default: ${DEFAULT-VALUE}).")
    double expansionRadius;

    @Option(names = "--expansion-references", defaultValue = "1000", paramLabel = "N",
            description = "Random reference times (default: ${DEFAULT-VALUE}).")
    int expansionReferences;

    @Option(names = "--expansion-horizon", defaultValue = "24", paramLabel = "H",
            description = "Mean distances for n = 0..H (default: ${DEFAULT-VALUE}).")
    int expansionHorizon;

    @Option(names = "--expansion-min-fit", defaultValue = "5", paramLabel = "M",
            description = "Best-R² fit over n in [1, m) for m = M..H+1 (default: ${DEFAULT-VALUE}).")
    int expansionMinFit;

    @Option(names = "--expansion-significance-end", defaultValue = "10", paramLabel = "S",
            description = "Significance from the fit over n = 1..S (default: ${DEFAULT-VALUE}).")
    int expansionSignificanceEnd;

    @Option(names = "--alpha", defaultValue = "0.05", description = "Significance level of the slope's t-test "
            + "(default: ${DEFAULT-VALUE}).")
    double alpha;

    @Option(names = "--expansion-theiler", defaultValue = "0", paramLabel = "W",
            description = "Neighbours satisfy |t1 − t0| > W (default: ${DEFAULT-VALUE}).")
    int expansionTheiler;

    @Option(names = "--bins", defaultValue = "40", description = "Bins of the expansion-rate histogram (default: "
            + "${DEFAULT-VALUE}).")
    int bins;

    @Override
    public Integer call() throws IOException {
        double[] band2 = parseBand();
        AutocorrelationSpec acfSpec = new AutocorrelationSpec(lags, shuffles, band2[0], band2[1], seed);
        PeriodogramSpec periodogramSpec = new PeriodogramSpec(peaks, pad, maxPeriod, periodTolerance);
        MonotonicitySpec monotonicitySpec = new MonotonicitySpec(riseTolerance);
        LaminarPhasesSpec laminarSpec = new LaminarPhasesSpec(laminarPeriod, laminarFraction,
                laminarThreshold == null ? Double.NaN : laminarThreshold, laminarMinLength);
        ZeroOneTestSpec zeroOneSpec = new ZeroOneTestSpec(zeroOneC, zeroOneCutoff, seed);
        PermutationEntropySpec peSpec = new PermutationEntropySpec(order, peDelay);
        FitRange range = parseFitRange();
        RosensteinSpec rosensteinSpec = new RosensteinSpec(embedding, delay, theiler, horizon, range);
        KantzSpec kantzSpec = new KantzSpec(embedding, delay, theiler, horizon, kantzRadius, kantzMinNeighbours, range);
        LocalExpansionRatesSpec expansionSpec = new LocalExpansionRatesSpec(expansionRadius, expansionReferences,
                expansionHorizon, expansionMinFit, expansionSignificanceEnd, alpha, expansionTheiler, bins, seed);
        if (skip < 0) {
            throw new BadInputException("--skip must be >= 0 (got " + skip + ")");
        }
        if (length != null && length < 1) {
            throw new BadInputException("--length must be >= 1 (got " + length + ")");
        }

        String label = source.input != null ? "--input " + source.input : "--run " + source.run;
        double[] x = select(load(), label);
        requireFinite(x, label);
        requireLength(x, label, acfSpec.minimumLength(), "--lags " + lags);
        requireLength(x, label, zeroOneSpec.minimumLength(), "the 0–1 test with --zero-one-cutoff " + zeroOneCutoff);
        requireLength(x, label, peSpec.minimumLength(), "--order " + order + " --pe-delay " + peDelay);
        requireLength(x, label, rosensteinSpec.minimumLength(), "the embedding --embedding " + embedding + " --delay "
                + delay + " --horizon " + horizon + " --theiler " + theiler);
        requireLength(x, label, expansionSpec.minimumLength(), "--expansion-horizon " + expansionHorizon);
        requireLength(x, label, laminarSpec.minimumLength(), "--laminar-period " + laminarPeriod);

        RunDirectory dir = output.out != null ? RunDirectory.create(output.out, output.force) : null;
        if (dir != null) {
            writeManifest(dir, x.length); // first: an interrupted run directory still says what it was
        }

        AutocorrelationResult acf = Autocorrelation.of(x, acfSpec);
        PeriodogramResult spectrum = Periodogram.of(x, periodogramSpec);
        MonotonicityResult mono = Monotonicity.of(x, monotonicitySpec);
        LaminarPhasesResult laminar = LaminarPhases.of(x, laminarSpec);
        ZeroOneTestResult zeroOne = ZeroOneTest.of(x, zeroOneSpec);
        PermutationEntropyResult pe = PermutationEntropy.of(x, peSpec);
        List<ScalarExponentResult> exponents = new ArrayList<>();
        if (method != Method.kantz) {
            exponents.add(RosensteinExponent.of(x, rosensteinSpec));
        }
        if (method != Method.rosenstein) {
            exponents.add(KantzExponent.of(x, kantzSpec));
        }
        LocalExpansionRatesResult expansion = LocalExpansionRates.of(x, expansionSpec);

        Map<String, Object> summary = summary(label, x, acf, spectrum, mono, laminar, zeroOne, pe, exponents,
                expansion);
        if (dir != null) {
            writeFiles(dir, summary, x, acf, spectrum, laminar, zeroOne, exponents, expansion);
            summary.put("out", dir.path().toString());
        }
        PrintWriter out = command.commandLine().getOut();
        if (output.json) {
            out.println(Json.write(summary));
        } else {
            printText(out, label, x, acf, spectrum, mono, laminar, zeroOne, pe, exponents.get(0), expansion);
        }
        return 0;
    }

    // ---- input ----------------------------------------------------------------------------------------------

    private double[] load() {
        if (source.run != null) {
            if (!Files.isDirectory(source.run)) {
                throw new BadInputException("--run " + source.run + ": not a directory");
            }
            Path loss = source.run.resolve("loss.npy");
            if (!Files.exists(loss)) {
                throw new BadInputException("--run " + source.run + ": no loss.npy (not a netdyn train run directory)");
            }
            return oneDimensional(NpyReader.read(loss), "--run " + loss);
        }
        Path file = source.input;
        if (file.getFileName() != null && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".npy")) {
            return oneDimensional(NpyReader.read(file), "--input " + file);
        }
        return readColumn(file);
    }

    private static double[] oneDimensional(NpyReader.Array a, String label) {
        long[] s = a.shape();
        boolean column = s.length == 1 || (s.length == 2 && s[1] == 1);
        if (!column) {
            throw new BadInputException(label + ": holds an array of shape " + Arrays.toString(s)
                    + "; a series is 1-D (or one column)");
        }
        return a.data();
    }

    /** Non-finite values are checked after --skip and --length, so that a window before a divergence is usable. */
    private void requireFinite(double[] x, String label) {
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i])) {
                throw new BadInputException(label + ": value " + (skip + i) + " is " + x[i] + "; the diagnostics "
                        + "need finite values (a diverged run? keep the values before it with --length " + i + ")");
            }
        }
    }

    /** One number per line; blank lines skipped; a first line that is not a number is a header. */
    private static double[] readColumn(Path file) {
        String label = "--input " + file;
        double[] values = new double[1024];
        int count = 0;
        boolean first = true;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int lineNo = 0;
            while ((line = in.readLine()) != null) {
                lineNo++;
                String cell = line.strip();
                if (lineNo == 1 && cell.startsWith("\uFEFF")) {
                    cell = cell.substring(1).strip();
                }
                if (cell.isEmpty()) {
                    continue;
                }
                String[] fields = cell.split("[,;\t]", -1);
                if (fields.length > 1) {
                    throw new BadInputException(label + " line " + lineNo + ": has " + fields.length
                            + " columns; a series file has one value per line");
                }
                double v;
                try {
                    v = Double.parseDouble(cell);
                } catch (NumberFormatException e) {
                    if (first) {
                        first = false;
                        continue; // a header
                    }
                    throw new BadInputException(label + " line " + lineNo + ": '" + cell + "' is not a number");
                }
                first = false;
                if (!Double.isFinite(v)) {
                    throw new BadInputException(label + " line " + lineNo + ": '" + cell + "' is not a finite number");
                }
                if (count == values.length) {
                    values = Arrays.copyOf(values, 2 * count);
                }
                values[count++] = v;
            }
        } catch (NoSuchFileException e) {
            throw new BadInputException(label + ": file not found");
        } catch (IOException e) {
            throw new BadInputException(label + ": cannot read (" + e.getMessage() + ")");
        }
        return Arrays.copyOf(values, count);
    }

    private double[] select(double[] all, String label) {
        if (all.length == 0) {
            throw new BadInputException(label + ": empty series (no values)");
        }
        if (skip >= all.length) {
            throw new BadInputException("--skip " + skip + " leaves no values of the " + all.length + " in " + label);
        }
        int end = length == null ? all.length : (int) Math.min(all.length, (long) skip + length);
        return Arrays.copyOfRange(all, skip, end);
    }

    private void requireLength(double[] x, String label, int needed, String what) {
        if (x.length < needed) {
            throw new BadInputException(label + ": " + x.length + " values (after --skip " + skip + ") are too few "
                    + "for " + what + ", which needs at least " + needed);
        }
    }

    private double[] parseBand() {
        String[] parts = band.split(",");
        try {
            if (parts.length == 2) {
                return new double[] {Double.parseDouble(parts[0].trim()), Double.parseDouble(parts[1].trim())};
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadInputException("--band must be two percentiles LO,HI such as 3,97 (got '" + band + "')");
    }

    private FitRange parseFitRange() {
        if (fitRange.trim().equalsIgnoreCase("auto")) {
            return FitRange.auto();
        }
        String[] parts = fitRange.split(":");
        try {
            if (parts.length == 2) {
                return FitRange.of(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadInputException("--fit-range must be 'auto' or FROM:TO such as 1:10 (got '" + fitRange + "')");
    }

    // ---- output ---------------------------------------------------------------------------------------------

    private Map<String, Object> summary(String label, double[] x, AutocorrelationResult acf, PeriodogramResult spectrum,
                                        MonotonicityResult mono, LaminarPhasesResult laminar, ZeroOneTestResult zeroOne,
                                        PermutationEntropyResult pe, List<ScalarExponentResult> exponents,
                                        LocalExpansionRatesResult expansion) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("input", label.substring(label.indexOf(' ') + 1));
        s.put("n", x.length);
        s.put("skip", skip);
        s.put("zeroOneK", Json.number(zeroOne.k()));
        s.put("acf", numbers(acf.acf()));
        s.put("permutationEntropy", Json.number(pe.entropy()));
        s.put("maxLyapunov", exponent(exponents.get(0), false));

        s.put("zeroOne", map("k", Json.number(zeroOne.k()), "frequencies", zeroOne.kc().length,
                "cutoff", zeroOne.cutoff()));
        s.put("acfBand", map("lower", numbers(acf.lower()), "upper", numbers(acf.upper()), "shuffles", acf.shuffles(),
                "percentiles", List.of(parseBand()[0], parseBand()[1]), "outsideLags", acf.outsideLags()));
        s.put("permutation", map("order", pe.order(), "delay", pe.delay(), "entropyNats", Json.number(pe.entropyNats()),
                "patterns", pe.patterns(), "distinctPatterns", pe.distinctPatterns(),
                "missingPatterns", pe.missingPatterns()));
        List<Object> divergence = new ArrayList<>();
        for (ScalarExponentResult e : exponents) {
            divergence.add(exponent(e, true));
        }
        s.put("divergence", divergence);
        List<Object> peakList = new ArrayList<>();
        for (PeriodogramResult.Peak p : spectrum.peaks()) {
            peakList.add(map("period", p.period(), "frequency", p.frequency(), "power", p.power()));
        }
        s.put("periodogram", map("dominantPeriods", spectrum.peaks().stream().map(PeriodogramResult.Peak::period)
                .toList(), "fundamentalPeriod", Json.number(spectrum.fundamentalPeriod()), "peaks", peakList,
                "transformLength", spectrum.transformLength()));
        s.put("monotonicity", map("fractionIncreasing", mono.fractionIncreasing(), "risingSteps", mono.risingSteps(),
                "rises", mono.rises(), "largestRise", mono.largestRise(), "largestRiseAt", mono.largestRiseAt(),
                "longestRise", mono.longestRise(), "netChange", mono.netChange()));
        s.put("laminarPhases", map("count", laminar.count(), "threshold", laminar.threshold(), "period",
                laminar.period(), "laminarFraction", laminar.laminarFraction(), "meanLength",
                Json.number(laminar.meanLength()), "starts", laminar.starts(), "lengths", laminar.lengths(),
                "switchingTimes", laminar.switchingTimes()));
        double[] sig = expansion.significantRates();
        s.put("expansionRates", map("references", expansion.referenceTimes().length, "significant",
                expansion.significantCount(), "fractionPositive", Json.number(expansion.fractionPositive()),
                "medianSignificantRate", Json.number(median(sig)), "withoutNeighbours",
                (int) Arrays.stream(expansion.neighbours()).filter(c -> c == 0).count()));
        return s;
    }

    private static Map<String, Object> exponent(ScalarExponentResult e, boolean withCurve) {
        Map<String, Object> m = map("value", Json.number(e.exponent()), "method", e.method(), "fitFrom", e.fitFrom(),
                "fitTo", e.fitTo(), "r2", Json.number(e.r2()), "references", e.references(), "failure", e.failure());
        if (withCurve) {
            m.put("curve", numbers(e.curve()));
        }
        return m;
    }

    private void writeManifest(RunDirectory dir, int n) throws IOException {
        Map<String, Object> manifest = RunDirectory.manifestHeader("series", command);
        manifest.put("input", (source.run != null ? source.run : source.input).toString());
        manifest.put("source", source.run != null ? "run" : "input");
        manifest.put("skip", skip);
        manifest.put("length", n);
        manifest.put("seed", seed);
        manifest.put("seedDerivation", "ACF shuffle s: Seeds.derive(seed, \"acf-shuffle\", s); 0–1 test frequencies: "
                + "Seeds.derive(seed, \"zero-one-frequencies\"); expansion reference times: "
                + "Seeds.derive(seed, \"expansion-references\")");
        manifest.put("options", command.commandLine().getParseResult().matchedOptions().stream()
                .map(o -> o.longestName()).toList());
        Json.write(dir.file("manifest.json"), manifest);
    }

    private void writeFiles(RunDirectory dir, Map<String, Object> summary, double[] x, AutocorrelationResult acf,
                            PeriodogramResult spectrum, LaminarPhasesResult laminar, ZeroOneTestResult zeroOne,
                            List<ScalarExponentResult> exponents, LocalExpansionRatesResult expansion)
            throws IOException {
        Json.write(dir.file("summary.json"), summary);

        writeColumns(dir.file("series.npy"), x);
        double[] lagIndex = new double[acf.acf().length];
        for (int k = 0; k < lagIndex.length; k++) {
            lagIndex[k] = k;
        }
        writeColumns(dir.file("acf.npy"), lagIndex, acf.acf(), acf.lower(), acf.upper());
        writeColumns(dir.file("periodogram.npy"), spectrum.frequencies(), spectrum.power());
        writeColumns(dir.file("zero-one.npy"), zeroOne.frequencies(), zeroOne.kc());
        for (ScalarExponentResult e : exponents) {
            double[] n = new double[e.curve().length];
            for (int i = 0; i < n.length; i++) {
                n[i] = i;
            }
            writeColumns(dir.file("divergence-" + e.method() + ".npy"), n, e.curve(), doubles(e.pairs()));
        }
        writeColumns(dir.file("laminar-phases.npy"), doubles(laminar.starts()), doubles(laminar.lengths()));
        int r = expansion.referenceTimes().length;
        double[] sig = new double[r];
        for (int i = 0; i < r; i++) {
            sig[i] = expansion.significant()[i] ? 1 : 0;
        }
        writeColumns(dir.file("expansion-rates.npy"), doubles(expansion.referenceTimes()), expansion.referenceValues(),
                doubles(expansion.neighbours()), expansion.rates(), expansion.r2(), expansion.pValues(), sig);

        double[] t = new double[x.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = i + skip;
        }
        Plots.lineChart(dir.file("series.png"), "Series (" + x.length + " values)", "step", "value",
                List.of(Plots.Line.of("x", t, x)), false);
        if (Double.isFinite(acf.acf()[1])) {
            List<Plots.Line> lines = new ArrayList<>();
            lines.add(Plots.Line.of("ACF", lagIndex, acf.acf()));
            if (acf.shuffles() > 0) { // the band from lag 1 (at lag 0 it is 1)
                double[] lagsFromOne = Arrays.copyOfRange(lagIndex, 1, lagIndex.length);
                lines.add(Plots.Line.of("percentile " + plain(parseBand()[0]) + " of " + acf.shuffles() + " shuffles",
                        lagsFromOne, Arrays.copyOfRange(acf.lower(), 1, lagIndex.length)));
                lines.add(Plots.Line.of("percentile " + plain(parseBand()[1]), lagsFromOne,
                        Arrays.copyOfRange(acf.upper(), 1, lagIndex.length)));
            }
            lines.add(Plots.Line.horizontal("0", 0, lagIndex.length - 1, 0));
            Plots.lineChart(dir.file("acf.png"), "Autocorrelation and its shuffle null band", "lag", "r(k)", lines,
                    false);
        }
        plotPeriodogram(dir, spectrum);
        plotDivergence(dir, exponents);
        if (expansion.histogram().counts().length > 0) {
            SeriesPlots.histogram(dir.file("expansion-rates.png"), "Significant local expansion rates ("
                    + expansion.significantCount() + " of " + r + ")", "rate per step", expansion.histogram().edges(),
                    expansion.histogram().counts());
            SeriesPlots.scatter(dir.file("expansion-rates-vs-value.png"), "Local expansion rate against the value",
                    "value x(t0)", "rate per step", expansion.significantValues(), expansion.significantRates());
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

    private void printText(PrintWriter out, String label, double[] x, AutocorrelationResult acf,
                           PeriodogramResult spectrum, MonotonicityResult mono, LaminarPhasesResult laminar,
                           ZeroOneTestResult zeroOne, PermutationEntropyResult pe, ScalarExponentResult lyapunov,
                           LocalExpansionRatesResult expansion) {
        out.printf(Locale.ROOT, "%s: %d values (after --skip %d)%n", label, x.length, skip);
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
        if (output.out != null) {
            out.println("  files in " + output.out);
        }
    }

    // ---- small helpers --------------------------------------------------------------------------------------

    private static void writeColumns(Path file, double[]... columns) throws IOException {
        int rows = columns[0].length;
        double[] row = new double[columns.length];
        try (NpyWriter w = columns.length == 1 ? NpyWriter.series(file) : NpyWriter.matrix(file, columns.length)) {
            for (int i = 0; i < rows; i++) {
                for (int c = 0; c < columns.length; c++) {
                    row[c] = columns[c][i];
                }
                w.appendRow(row, 0);
            }
        }
    }

    private static double[] doubles(int[] a) {
        return Arrays.stream(a).asDoubleStream().toArray();
    }

    private static List<Double> numbers(double[] values) {
        List<Double> list = new ArrayList<>(values.length);
        for (double v : values) {
            list.add(Json.number(v));
        }
        return list;
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

    /** An insertion-ordered map from alternating keys and values (values may be null). */
    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}

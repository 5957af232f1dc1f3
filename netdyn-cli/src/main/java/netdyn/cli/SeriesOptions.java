package netdyn.cli;

import netdyn.BadInputException;
import netdyn.analysis.SeriesReport;
import netdyn.series.AutocorrelationSpec;
import netdyn.series.FitRange;
import netdyn.series.KantzSpec;
import netdyn.series.LaminarPhasesSpec;
import netdyn.series.LocalExpansionRatesSpec;
import netdyn.series.MonotonicitySpec;
import netdyn.series.PeriodogramSpec;
import netdyn.series.PermutationEntropySpec;
import netdyn.series.RosensteinSpec;
import netdyn.series.ZeroOneTestSpec;
import picocli.CommandLine.Option;

/** The estimator options of {@code netdyn series}; {@link #spec()} turns them into a {@link SeriesReport.Spec}. */
final class SeriesOptions {
    /** Which scalar exponent is computed; with both, maxLyapunov reports Rosenstein's. */
    enum Method { rosenstein, kantz, both }

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

    /** The validated spec; each component's check names its option (the first failing one is reported). */
    SeriesReport.Spec spec() {
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
        SeriesReport.Method exponents = switch (method) {
            case rosenstein -> SeriesReport.Method.ROSENSTEIN;
            case kantz -> SeriesReport.Method.KANTZ;
            case both -> SeriesReport.Method.BOTH;
        };
        return new SeriesReport.Spec(acfSpec, periodogramSpec, monotonicitySpec, laminarSpec, zeroOneSpec, peSpec,
                exponents, rosensteinSpec, kantzSpec, expansionSpec);
    }

    /** Rejects a series too short for an estimator, naming the options that set its need. */
    void requireLength(double[] x, SeriesInput input, SeriesReport.Spec spec) {
        input.requireLength(x, spec.acf().minimumLength(), "--lags " + lags);
        input.requireLength(x, spec.zeroOne().minimumLength(), "the 0–1 test with --zero-one-cutoff " + zeroOneCutoff);
        input.requireLength(x, spec.permutationEntropy().minimumLength(), "--order " + order + " --pe-delay "
                + peDelay);
        input.requireLength(x, spec.rosenstein().minimumLength(), "the embedding --embedding " + embedding
                + " --delay " + delay + " --horizon " + horizon + " --theiler " + theiler);
        input.requireLength(x, spec.expansionRates().minimumLength(), "--expansion-horizon " + expansionHorizon);
        input.requireLength(x, spec.laminarPhases().minimumLength(), "--laminar-period " + laminarPeriod);
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
}

package netdyn.cli.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import netdyn.analysis.Regime;
import netdyn.atlas.FastestTraining;
import netdyn.atlas.LearningRateGroups;
import netdyn.atlas.Trainability;
import netdyn.atlas.TrainabilityMap;
import netdyn.cli.report.HtmlPage.Figure;
import netdyn.sweep.ResultRows;

/**
 * The figures of a learning-rate sweep and of a trainability map, added to a report page: bifurcation
 * diagram, exponents, edge of stability, loss / accuracy / speed, regimes with representative series,
 * and the (hidden, output) learning-rate map with its zoom. It draws what core decides from the rows
 * ({@link netdyn.atlas}: the majority regime per η, the onset of chaos, each cell's trainability class)
 * and decides nothing itself.
 */
public final class AtlasReport {
    /** The regimes' labels in {@link Regime}'s order (increasing η, as one meets them), each with its colour. */
    public static final Map<String, String> REGIME_COLORS = regimeColors();

    private static Map<String, String> regimeColors() {
        Map<String, String> colors = new LinkedHashMap<>();
        for (Regime r : Regime.values()) {
            colors.put(r.label(), switch (r) { // exhaustive: a new regime cannot go without a colour
                case CONVERGED -> "#009E73";
                case SLOW_CONVERGENCE -> "#56B4E9";
                case PLATEAU -> "#999999";
                case EDGE_OF_STABILITY -> "#0072B2";
                case PERIODIC -> "#E69F00";
                case INTERMITTENT -> "#CC79A7";
                case CHAOTIC -> "#D55E00";
                case DIVERGED -> "#000000";
            });
        }
        return colors;
    }

    private AtlasReport() {
    }

    /** Mean of {@code key} at each η with whiskers over its range across inits. */
    private static void errorBars(SvgChart chart, LearningRateGroups s, String name, String key, String color) {
        chart.errorBars(name, s.eta(), s.mean(key), s.stat(key, ResultRows::min), s.stat(key, ResultRows::max), color);
    }

    /** The sections of a learning-rate sweep; {@code prefix} is the sweep's directory relative to the page. */
    static void learningRateSections(HtmlPage page, SweepRows data, SweepRows spectrum, String prefix) {
        LearningRateGroups s = LearningRateGroups.of(data.rows);
        double[] eta = s.eta();
        double onset = LearningRateGroups.onsetOfChaos(s, spectrum == null ? null : spectrum.rows);
        LearningRateGroups sp = spectrum == null ? null : LearningRateGroups.of(spectrum.rows);
        String[] majority = s.majorityRegime();
        boolean hasRegimes = data.has("regime");

        if (hasRegimes) {
            page.heading("Regimes across learning rates");
            page.paragraph(regimeSentence(eta, majority, onset));
            String[] hover = new String[eta.length];
            for (int i = 0; i < hover.length; i++) {
                hover[i] = String.format(Locale.ROOT, "η = %.4g: %s (%s)", eta[i], majority[i],
                        s.regimeCounts(i));
            }
            page.figure(SvgStrip.of("Regime of the loss series (majority of inits)", "learning rate η", eta,
                    majority, hover).logX().size(1040, 150).colors(REGIME_COLORS).render(),
                    "Each learning rate coloured by the regime most of its inits fall in (hover for the counts); "
                            + "the rule and its evidence are in the table below and in README (netdyn regime).");
        }

        page.heading("Bifurcation diagram");
        SvgChart bif = bifurcation(data, "lossTail", "Last " + tailLength(data) + " loss values of every run",
                "training loss", true);
        long diverged = data.rows.stream().filter(ResultRows::diverged).count();
        page.figure(bif.render(), "As in a logistic-map diagram: one point per step of the last steps of every init, "
                + "coloured by the run's regime. A single point per η is convergence, k points a period-k orbit, a "
                + "vertical smear chaos." + (diverged > 0 ? " " + diverged + " runs diverged and are not shown." : ""));
        if (data.has("weightTail")) {
            page.figure(bifurcation(data, "weightTail", "The same for one weight", "θ[" + weightIndex(data) + "]",
                    false).render(), "The last values of one parameter of every run (θ[" + weightIndex(data)
                    + "] in the flat order: per layer W [fan_in][fan_out] row-major, then b). Unlike the loss, a "
                    + "weight also shows where runs that reach the same loss end up on the manifold of minima. The "
                    + "axis shows the central 94 % of the values (a few chaotic runs wander much further).");
        }

        page.heading("Lyapunov exponents");
        SvgChart lyap = SvgChart.of("Maximal exponent against η", "learning rate η", "exponent per step").logX();
        if (data.has("lambdaTangent")) {
            errorBars(lyap, s, "tangent λ₁ (QR), mean and range", "lambdaTangent", "#0072B2");
        }
        if (data.has("lambdaTwin")) {
            lyap.line("twin orbits", eta, s.mean("lambdaTwin"), "#009E73");
        }
        boolean initZero = false; // exponents of init 0 from the spectrum part (the follow-up preset)
        if (!data.has("lambdaTangent") && sp != null && spectrum.has("lambdaTangent")) {
            lyap.line("tangent λ₁ (QR), init 0", sp.eta(), sp.mean("lambdaTangent"), "#0072B2");
            initZero = true;
        }
        if (!data.has("lambdaTwin") && sp != null && spectrum.has("lambdaTwin")) {
            lyap.line("twin orbits, init 0", sp.eta(), sp.mean("lambdaTwin"), "#009E73");
            initZero = true;
        }
        if (data.has("nmle")) {
            double[] nmle = new double[eta.length];
            String[] hover = new String[nmle.length];
            for (int i = 0; i < nmle.length; i++) {
                List<Map<String, Object>> passed = s.rows(i).stream()
                        .filter(r -> ResultRows.number(r, "nmlePassed") == 1).toList();
                nmle[i] = ResultRows.mean(ResultRows.values(passed, "nmle"));
                hover[i] = String.format(Locale.ROOT, "η = %.4g: nMLE %.4g, %d of %d inits pass the fit", eta[i],
                        nmle[i], passed.size(), s.rows(i).size());
            }
            boolean anyPass = Arrays.stream(nmle).anyMatch(Double::isFinite);
            lyap.points("nMLE (study's protocol, passing fits)" + (anyPass ? "" : ": no init passes"), eta, nmle,
                    "#D55E00", 3.5, hover);
        }
        if (data.has("nmleShort")) {
            lyap.points("short-phase nMLE (passing fits)", eta, passingMean(s, "nmleShort", "nmleShortPassed"),
                    "#E69F00", 3, passingHover(s, "nmleShort", "nmleShortPassed", "short-phase nMLE"));
        }
        if (data.has("lambdaSeries")) {
            lyap.line("loss series (Rosenstein)", eta, s.mean("lambdaSeries"), "#CC79A7");
        }
        lyap.hline(0, "λ = 0", "#444444");
        if (Double.isFinite(onset)) {
            lyap.vline(onset, "onset of chaos", "#D55E00");
        }
        List<Figure> exponents = new ArrayList<>();
        exponents.add(Figure.svg(lyap.render(), "Tangent exponent λ₁ over the whole run (QR on exact Hessian-vector "
                + "products), the same from a renormalised twin orbit, the study's finite-time exponent of perturbed "
                + "replicas (first 200 steps; mean of the inits whose fit passes, hover for counts)"
                + (data.has("nmleShort") ? ", the same distances fitted over their rise from 10 % to 90 % of the "
                + "growth (short exponential phases; README, sweeps)" : "")
                + (initZero ? " (tangent and twin: init 0 of each η)" : "")
                + (data.has("lambdaSeries") ? " and the exponent of the scalar loss series" : "")
                + ". Positive means nearby networks separate."));
        if (spectrum != null && spectrum.has("spectrum")) {
            double[] spEta = sp.eta();
            int n = spEta.length;
            double[] lo = new double[n];
            double[] hi = new double[n];
            double[] dim = new double[n];
            Arrays.fill(lo, Double.NaN);
            Arrays.fill(hi, Double.NaN);
            for (int i = 0; i < n; i++) {
                for (Map<String, Object> r : sp.rows(i)) {
                    if (r.get("spectrum") instanceof double[] e && Double.isFinite(e[0])) {
                        lo[i] = Double.isNaN(lo[i]) ? e[e.length - 1] : Math.min(lo[i], e[e.length - 1]);
                        hi[i] = Double.isNaN(hi[i]) ? e[0] : Math.max(hi[i], e[0]);
                    }
                }
            }
            int k = spectrumLength(sp);
            boolean top = k > 0 && k < TOP_SPECTRUM;
            String last = top ? "λ" + subscript(k) : "λ_P";
            SvgChart band = SvgChart.of(top ? "Top " + k + " Lyapunov exponents" : "Full Lyapunov spectrum",
                    "learning rate η", "exponent per step").logX();
            band.band(last + " … λ₁", spEta, lo, hi, "#0072B2");
            band.line("λ₁", spEta, hi, "#0072B2");
            band.line(last, spEta, lo, "#56B4E9");
            band.hline(0, "λ = 0", "#444444");
            exponents.add(Figure.svg(band.render(), top ? "The " + k + " largest exponents of the training map (init 0 "
                    + "per η; QR on exact Hessian-vector products over the whole run)." : "All P exponents of the "
                    + "training map (one init per η): the band from the most contracting to the most expanding "
                    + "direction. Their sum is the mean of ln|det(I − ηH)| along the orbit."));
        }
        page.figureRow(exponents.toArray(Figure[]::new));

        if (data.has("eosRatioMax")) {
            page.heading("Edge of stability");
            SvgChart eos = SvgChart.of("Sharpness × η / 2", "learning rate η", "λ_max(H) · η / 2").logX().logY()
                    .size(1040, 360);
            errorBars(eos, s, "largest along the run (mean, range over inits)", "eosRatioMax", "#0072B2");
            eos.line("at the end of the run", eta, s.mean("eosRatioFinal"), "#E69F00");
            eos.hline(1, "edge of stability: λ_max = 2/η", "#D55E00");
            page.figure(eos.render(), "Above the line gradient descent is linearly unstable along the top Hessian "
                    + "direction; at the edge of stability training keeps the sharpness near 2/η.");
        }
        if (data.has("preconditionedSharpness")) {
            double[] threshold = s.mean("stabilityThreshold");
            double[] end = s.mean("preconditionedSharpness");
            double[] most = s.mean("preconditionedSharpnessMax");
            for (int i = 0; i < threshold.length; i++) {
                end[i] /= threshold[i];
                most[i] /= threshold[i];
            }
            SvgChart pre = SvgChart.of("Preconditioned sharpness / the optimizer's threshold", "learning rate η",
                    "λ_max(P⁻¹H) / threshold").logX().logY().size(1040, 360);
            pre.line("largest along the run (mean over inits)", eta, most, "#0072B2");
            pre.line("at the end of the run", eta, end, "#E69F00");
            pre.hline(1, "the optimizer's stability threshold", "#D55E00");
            page.figure(pre.render(), "For an adaptive step θ' = θ − η P⁻¹m̂ the sharpness that matters is that of "
                    + "the preconditioned Hessian P⁻¹H (P = diag(√v̂ + ε)); its linearisation is stable below 2/η "
                    + "(RMSProp), 2(1 + β₁)/((1 − β₁)η) (Adam: 38/η at β₁ = 0.9). Cohen et al. (2022) find it rises to "
                    + "the threshold and hovers there.");
        }

        page.heading("Loss, accuracy and speed");
        SvgChart loss = SvgChart.of("Final training loss", "learning rate η", "loss").logX().logY();
        errorBars(loss, s, "mean, range over inits", "finalLoss", "#0072B2");
        List<Figure> row = new ArrayList<>();
        row.add(Figure.svg(loss.render(), "Training loss after the last step."));
        if (data.has("testAccuracy")) {
            SvgChart acc = SvgChart.of("Test accuracy", "learning rate η", "accuracy").logX();
            errorBars(acc, s, "mean, range over inits", "testAccuracy", "#009E73");
            row.add(Figure.svg(acc.render(), "Accuracy on the held-out samples at the last step."));
        }
        page.figureRow(row.toArray(Figure[]::new));
        if (data.has("stepsToTarget")) {
            stepsToTarget(page, data, s, onset);
        }
        if (data.has("testAccuracy") && anySeries(data, "testAccuracy")) {
            accuracyAlongTraining(page, data, s, onset);
        }

        if (hasRegimes) {
            representativeSeries(page, data);
            regimeTable(page, s, majority);
        }
        page.downloads(List.of(prefix + "results.csv", prefix + "results.jsonl", prefix + "loss_tail.npy",
                prefix + "store.jsonl", prefix + "manifest.json"));
    }

    /** Every run's tail of {@code key} as points against η, coloured by the run's regime. */
    /** Spectra with fewer exponents than this are drawn as "top k". */
    private static final int TOP_SPECTRUM = 20;

    /** The number of exponents per row of the spectrum part (0 when none is stored). */
    private static int spectrumLength(LearningRateGroups sp) {
        for (int i = 0; i < sp.size(); i++) {
            for (Map<String, Object> r : sp.rows(i)) {
                if (r.get("spectrum") instanceof double[] e) {
                    return e.length;
                }
            }
        }
        return 0;
    }

    private static String subscript(int k) {
        StringBuilder b = new StringBuilder();
        for (char c : Integer.toString(k).toCharArray()) {
            b.append((char) ('₀' + (c - '0')));
        }
        return b.toString();
    }

    /** The mean of {@code key} over the inits whose {@code passed} flag is 1, at each η (NaN where none). */
    private static double[] passingMean(LearningRateGroups s, String key, String passed) {
        double[] out = new double[s.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ResultRows.mean(ResultRows.values(s.rows(i).stream()
                    .filter(r -> ResultRows.number(r, passed) == 1).toList(), key));
        }
        return out;
    }

    private static String[] passingHover(LearningRateGroups s, String key, String passed, String label) {
        double[] mean = passingMean(s, key, passed);
        double[] eta = s.eta();
        String[] hover = new String[eta.length];
        for (int i = 0; i < eta.length; i++) {
            long n = s.rows(i).stream().filter(r -> ResultRows.number(r, passed) == 1).count();
            hover[i] = String.format(Locale.ROOT, "η = %.4g: %s %.4g, %d of %d inits pass the fit", eta[i], label,
                    mean[i], n, s.rows(i).size());
        }
        return hover;
    }

    /**
     * Steps to the target test accuracy against η: the median over inits with runs that never reach it
     * counted as infinitely slow (censored, not dropped; {@link FastestTraining#medianSteps}); where more than
     * half never reach it, a marker at the run's length says so.
     */
    private static void stepsToTarget(HtmlPage page, SweepRows data, LearningRateGroups s, double onset) {
        double[] eta = s.eta();
        double steps = maxSteps(data);
        double[] median = new double[eta.length];
        double[] censored = new double[eta.length];
        String[] hover = new String[eta.length];
        for (int i = 0; i < eta.length; i++) {
            double m = FastestTraining.medianSteps(s.rows(i));
            int reached = FastestTraining.reachedCount(s.rows(i));
            median[i] = Double.isFinite(m) ? Math.max(m, 0.5) : Double.NaN; // step 0 on a log axis
            censored[i] = Double.isFinite(m) ? Double.NaN : steps;
            hover[i] = String.format(Locale.ROOT, "η = %.4g: median %s steps; %d of %d inits reach the target",
                    eta[i], Double.isFinite(m) ? fmt(m) : "> " + fmt(steps), reached, s.rows(i).size());
        }
        SvgChart speed = SvgChart.of("Steps to reach the target test accuracy", "learning rate η", "steps")
                .logX().logY().size(1040, 340);
        speed.line("", eta, median, "#999999");
        speed.points("median over inits (never reached = ∞)", eta, median, "#0072B2", 3.5, hover);
        speed.points("most inits never reach it within " + fmt(steps) + " steps (censored)", eta, censored,
                "#8c1c13", 3.5, hover);
        if (Double.isFinite(onset)) {
            speed.vline(onset, "onset of chaos", "#D55E00");
        }
        FastestTraining fastest = FastestTraining.of(s);
        page.figure(speed.render(), "The follow-up study's claim: training is fastest at the onset of chaos "
                + "(SCIENCE.md §3). Runs that never reach the target count as infinitely slow, so a median is drawn "
                + "only where more than half of the inits reach it; red markers at the top are learning rates where "
                + "most do not (hover for the counts)."
                + (fastest == null ? "" : String.format(Locale.ROOT, " Fastest: η = %s (median %s steps)%s.",
                fmt(fastest.eta()), fmt(fastest.medianSteps()), Double.isFinite(onset) ? ", onset of chaos η ≈ "
                + fmt(onset) : "")));
    }

    /** The longest run of the sweep: its loss series' length − 1 (the steps of every run). */
    private static double maxSteps(SweepRows data) {
        for (Map<String, Object> r : data.rows) {
            double[] loss = data.series(r, "loss");
            if (loss != null) {
                return loss.length - 1;
            }
        }
        return Double.NaN;
    }

    private static boolean anySeries(SweepRows data, String name) {
        return !data.rows.isEmpty() && data.series(data.rows.get(0), name) != null;
    }

    /**
     * Test accuracy at every step of init 0 at up to eight learning rates: the fastest to the target, the
     * onset of chaos and the learning rates next to them, and others spread over the grid.
     */
    private static void accuracyAlongTraining(HtmlPage page, SweepRows data, LearningRateGroups s, double onset) {
        double[] eta = s.eta();
        java.util.TreeSet<Integer> picked = new java.util.TreeSet<>();
        FastestTraining fastest = FastestTraining.of(s);
        for (double focus : new double[] {fastest == null ? Double.NaN : fastest.eta(), onset}) {
            int at = Arrays.binarySearch(eta, focus);
            for (int i = at - 1; at >= 0 && i <= at + 1; i++) {
                if (i >= 0 && i < eta.length) {
                    picked.add(i);
                }
            }
        }
        int wanted = Math.min(8, eta.length);
        for (int q = 0; q <= 4 && picked.size() < wanted; q++) {
            picked.add((int) Math.round(q * (eta.length - 1) / 4.0)); // the ends and quarters of the grid
        }
        for (int i = 0; picked.size() < wanted; i++) {
            picked.add(i);
        }
        SvgChart acc = SvgChart.of("Test accuracy along training (init 0)", "step", "test accuracy")
                .size(1040, 360);
        int j = -1;
        for (int i : picked) {
            j++;
            Map<String, Object> r = s.rows(i).get(0);
            double[] a = data.series(r, "testAccuracy");
            if (a != null) {
                acc.line("η = " + fmt(eta[i]) + (Double.isFinite(onset) && eta[i] >= onset ? " (chaotic)" : ""),
                        steps(a.length), a, SvgChart.color(j));
            }
        }
        double target = data.rows.isEmpty() ? Double.NaN : targetAccuracy(data);
        if (Double.isFinite(target)) {
            acc.hline(target, "target", "#8c1c13");
        }
        page.figure(acc.render(), "How fast each learning rate learns: the test accuracy of init 0 at every step, at "
                + "the fastest learning rate, the onset of chaos, their neighbours and others spread over the grid "
                + "(every run's series is in tasks/task-N-testAccuracy.npy).");
    }

    /** The sweep's target accuracy, from its manifest's settings; NaN when not recorded there. */
    private static double targetAccuracy(SweepRows data) {
        try {
            Map<String, Object> manifest = ReportPages.readJson(data.dir.resolve("manifest.json"));
            if (manifest != null && manifest.get("settings") instanceof Map<?, ?> m
                    && m.get("target-accuracy") != null) {
                return Double.parseDouble(String.valueOf(m.get("target-accuracy")));
            }
        } catch (java.io.IOException | RuntimeException e) {
            // the line is a guide only
        }
        return Double.NaN;
    }

    private static SvgChart bifurcation(SweepRows data, String key, String title, String yLabel, boolean logY) {
        SvgChart chart = SvgChart.of(title, "learning rate η", yLabel).logX().size(1040, 420);
        if (logY) {
            chart.logY();
        }
        boolean hasRegimes = data.has("regime");
        Map<String, List<double[]>> byRegime = new LinkedHashMap<>();
        for (Map<String, Object> r : data.rows) {
            if (!(r.get(key) instanceof double[] tail)) {
                continue;
            }
            String regime = hasRegimes ? ResultRows.text(r, "regime") : "";
            double eta = ResultRows.number(r, "lr");
            for (double v : tail) {
                byRegime.computeIfAbsent(regime, k -> new ArrayList<>()).add(new double[] {eta, v});
            }
        }
        int colorIndex = 0;
        for (Map.Entry<String, List<double[]>> e : byRegime.entrySet()) {
            double[] x = e.getValue().stream().mapToDouble(p -> p[0]).toArray();
            double[] y = e.getValue().stream().mapToDouble(p -> p[1]).toArray();
            String color = REGIME_COLORS.getOrDefault(e.getKey(), SvgChart.color(colorIndex++));
            chart.points(e.getKey().isEmpty() ? yLabel : e.getKey(), x, y, color, 1.6, null);
        }
        if (!logY) {
            // a few runs thrown far away would flatten everything else: show the central 94 % of the values
            double[] all = byRegime.values().stream().flatMap(List::stream).mapToDouble(p -> p[1])
                    .filter(Double::isFinite).sorted().toArray();
            if (all.length > 10) {
                double lo = all[(int) (0.03 * (all.length - 1))];
                double hi = all[(int) Math.ceil(0.97 * (all.length - 1))];
                double pad = 0.08 * (hi - lo);
                if (hi - lo > 0) {
                    chart.yRange(lo - pad, hi + pad);
                }
            }
        }
        return chart;
    }

    /** The --tail-weight of the sweep, from its manifest settings. */
    private static String weightIndex(SweepRows data) {
        try {
            Map<String, Object> manifest = ReportPages.readJson(data.dir.resolve("manifest.json"));
            if (manifest != null && manifest.get("settings") instanceof Map<?, ?> s && s.get("tail-weight") != null) {
                return String.valueOf(s.get("tail-weight"));
            }
        } catch (java.io.IOException | RuntimeException e) {
            // fall through: the index is only a label
        }
        return "k";
    }

    private static int tailLength(SweepRows data) {
        for (Map<String, Object> r : data.rows) {
            if (r.get("lossTail") instanceof double[] t) {
                return t.length;
            }
        }
        return 0;
    }

    private static String regimeSentence(double[] eta, String[] majority, double onset) {
        StringBuilder b = new StringBuilder("Along η the loss series passes through: ");
        String current = null;
        double from = 0;
        List<String> spans = new ArrayList<>();
        for (int i = 0; i <= eta.length; i++) {
            String m = i < eta.length ? majority[i] : null;
            if (i == eta.length || !m.equals(current)) {
                if (current != null) {
                    spans.add(String.format(Locale.ROOT, "%s (η %s)", current,
                            from == eta[i - 1] ? fmt(from) : fmt(from) + "–" + fmt(eta[i - 1])));
                }
                if (i < eta.length) {
                    current = m;
                    from = eta[i];
                }
            }
        }
        b.append(String.join(", ", spans)).append('.');
        if (Double.isFinite(onset)) {
            b.append(" The maximal exponent first exceeds ").append(LearningRateGroups.CHAOS_THRESHOLD).append(" per step (onset of chaos) at "
                    + "η ≈ ").append(fmt(onset)).append('.');
        }
        return b.toString();
    }

    public static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3g", v);
    }

    private static void representativeSeries(HtmlPage page, SweepRows data) {
        Map<String, Map<String, Object>> pick = new LinkedHashMap<>();
        for (String regime : REGIME_COLORS.keySet()) {
            List<Map<String, Object>> of = data.rows.stream().filter(r -> regime.equals(r.get("regime"))).toList();
            if (!of.isEmpty()) {
                pick.put(regime, of.get(of.size() / 2)); // the median task of the regime (rows are ordered by η)
            }
        }
        if (pick.isEmpty()) {
            return;
        }
        page.heading("Representative runs");
        SvgChart loss = SvgChart.of("Loss series, one run per regime", "step", "training loss").logY();
        SvgChart dist = SvgChart.of("Replica distance d(t) / (N_w ε)", "step", "normalised distance").logY();
        boolean anyDistance = false;
        for (Map.Entry<String, Map<String, Object>> e : pick.entrySet()) {
            Map<String, Object> r = e.getValue();
            String name = e.getKey() + " (η = " + fmt(ResultRows.number(r, "lr")) + ")";
            String color = REGIME_COLORS.get(e.getKey());
            double[] l = data.series(r, "loss");
            if (l != null) {
                loss.line(name, steps(l.length), l, color);
            }
            double[] d = data.series(r, "distance");
            if (d != null) {
                dist.line(name, steps(d.length), d, color);
                anyDistance = true;
            }
        }
        List<Figure> figs = new ArrayList<>();
        figs.add(Figure.svg(loss.render(), "The training loss of one run per regime (the median-η run of it)."));
        if (anyDistance) {
            figs.add(Figure.svg(dist.render(), "Mean ℓ1 distance of the perturbed replicas to the run, per weight and "
                    + "unit ε: growth is sensitivity to initial conditions, a flat line neutral stability."));
        }
        page.figureRow(figs.toArray(Figure[]::new));
    }

    /** 0, 1, …, n − 1: the step axis of a series. */
    static double[] steps(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
        }
        return x;
    }

    private static void regimeTable(HtmlPage page, LearningRateGroups s, String[] majority) {
        List<List<String>> rows = new ArrayList<>();
        double[] eta = s.eta();
        for (int i = 0; i < eta.length; i++) {
            List<Map<String, Object>> r = s.rows(i);
            List<String> perRegime = new ArrayList<>();
            s.regimeCounts(i).forEach((regime, k) -> perRegime.add(k + " " + regime));
            rows.add(List.of(fmt(eta[i]), majority[i], String.join(", ", perRegime),
                    fmt(ResultRows.mean(ResultRows.values(r, "lambdaTangent"))),
                    fmt(ResultRows.mean(ResultRows.values(r, "zeroOneK"))),
                    fmt(ResultRows.mean(ResultRows.values(r, "laminarFraction"))),
                    fmt(ResultRows.mean(ResultRows.values(r, "eosRatioFinal"))),
                    fmt(ResultRows.mean(ResultRows.values(r, "finalLoss"))),
                    fmt(ResultRows.mean(ResultRows.values(r, "testAccuracy")))));
        }
        page.paragraph("Evidence per learning rate (means over inits): tangent exponent λ₁, the 0–1 test's K (≈ 1 "
                + "chaotic, ≈ 0 regular), the fraction of the loss series in laminar phases, sharpness·η/2 at the end, "
                + "final loss and test accuracy.");
        page.table(List.of("η", "regime", "inits per regime", "λ₁", "0–1 K", "laminar", "sharpness·η/2", "final loss",
                "test acc."), rows);
    }

    /** The colours of {@link Trainability#TRAINED}, {@link Trainability#STALLED} and {@link Trainability#DIVERGED}. */
    public static final String[] TRAINABILITY_COLORS = {"#0072B2", "#E69F00", "#8c1c13"};

    /** The trainability map of a (lr-hidden, lr-output) sweep, with an optional zoom of it beside. */
    static void trainabilitySection(HtmlPage page, SweepRows map, SweepRows zoom, String prefix, String zoomPrefix) {
        page.heading("Trainability map");
        page.paragraph("Every cell is one run with its own learning rates for the hidden layer and for the output "
                + "layer, from the same init. Blue cells train (final loss below half the chance level ln C), "
                + "orange cells stall, red cells end with a higher loss than they started. "
                + "The boundary between them is fractal (Sohl-Dickstein 2024): zooming in keeps revealing structure.");
        Figure main = Figure.svg(heatmap(map, "Trainability map", zoom), "Hidden- against output-layer learning rate"
                + (zoom != null ? "; the box is the zoomed window." : "."));
        if (zoom != null) {
            page.figureRow(main, Figure.svg(heatmap(zoom, "Zoom into the boundary", null),
                    "The boxed window resampled at the same resolution."));
        } else {
            page.figure(main.markup(), main.caption());
        }
        page.paragraph(dimensionSentence(map, zoom));
        page.figureRow(Figure.svg(lossHeatmap(map, "Final loss"), "Final training loss (log colour); diverged runs "
                + "in dark red."));
        List<String> files = new ArrayList<>(List.of(prefix + "results.csv", prefix + "results.jsonl"));
        if (zoom != null) {
            files.add(zoomPrefix + "results.csv");
        }
        page.downloads(files);
    }

    /** The box-counting dimension of the boundary between converged and other runs, on the map and its zoom. */
    private static String dimensionSentence(SweepRows map, SweepRows zoom) {
        TrainabilityMap m = TrainabilityMap.of(map.rows);
        TrainabilityMap z = zoom == null ? null : TrainabilityMap.of(zoom.rows);
        StringBuilder b = new StringBuilder("Box-counting dimension (boxes of 1, 2, 4, … cells, N(s) ∝ s^−D; 1 for a "
                + "smooth curve, 2 for one that fills the plane) of the boundary between trained runs (blue) and the "
                + "others, the one drawn and zoomed into: ");
        b.append(dimensionText(m.trainedBoundaryDimension())).append(" on the map");
        if (z != null) {
            b.append(", ").append(dimensionText(z.trainedBoundaryDimension())).append(" on the zoom");
        }
        b.append("; of the boundary between runs that converge (the mean of their last losses below the initial "
                + "loss, Sohl-Dickstein's criterion) and runs that do not: ");
        b.append(dimensionText(m.boundaryDimension())).append(" on the map");
        if (z != null) {
            b.append(", ").append(dimensionText(z.boundaryDimension())).append(" on the zoom");
        }
        return b.append(". Sohl-Dickstein (2024) measures 1.17–1.98 on his six configurations; netdyn sweep "
                + "--deep-zoom follows the boundary down ten decades.").toString();
    }

    private static String dimensionText(netdyn.fractal.BoundaryDimension d) {
        return d.defined() ? String.format(Locale.ROOT, "D = %.3f (R² %.3f, boxes of %d–%d cells)", d.dimension(),
                d.r2(), d.smallestBox(), d.largestBox()) : "undefined (" + d.reason() + ")";
    }

    private static SvgHeatmap heatmap(TrainabilityMap g, String title) {
        return SvgHeatmap.of(title, "output-layer learning rate", "hidden-layer learning rate", g.output(), g.hidden())
                .logX().logY();
    }

    private static String heatmap(SweepRows data, String title, SweepRows zoom) {
        TrainabilityMap g = TrainabilityMap.of(data.rows);
        double[] hidden = g.hidden();
        double[] output = g.output();
        int[][] c = new int[hidden.length][output.length];
        String[][] hover = new String[hidden.length][output.length];
        for (Map<String, Object> r : data.rows) {
            int xi = g.x(r);
            int yi = g.y(r);
            Trainability cell = g.at(yi, xi);
            c[yi][xi] = cell.ordinal();
            hover[yi][xi] = String.format(Locale.ROOT, "η_hidden = %.4g, η_output = %.4g: %s, final loss %.4g",
                    hidden[yi], output[xi], cell.label(), ResultRows.number(r, "finalLoss"));
        }
        String[] labels = Arrays.stream(Trainability.values()).map(Trainability::label).toArray(String[]::new);
        SvgHeatmap h = heatmap(g, title).categories(c, labels, TRAINABILITY_COLORS).hover(hover);
        if (zoom != null) {
            TrainabilityMap z = TrainabilityMap.of(zoom.rows);
            double[] zo = z.output();
            double[] zh = z.hidden();
            h.overlayRect(zo[0], zo[zo.length - 1], zh[0], zh[zh.length - 1], "zoom");
        }
        return h.render();
    }

    private static String lossHeatmap(SweepRows data, String title) {
        TrainabilityMap g = TrainabilityMap.of(data.rows);
        double[][] v = new double[g.hidden().length][g.output().length];
        for (double[] row : v) {
            Arrays.fill(row, Double.NaN);
        }
        for (Map<String, Object> r : data.rows) {
            v[g.y(r)][g.x(r)] = ResultRows.diverged(r) ? Double.NaN : ResultRows.number(r, "finalLoss");
        }
        return heatmap(g, title).size(1040, 440).values(v, "final loss", true).nanLabel("diverged").render();
    }
}

package netdyn.cli.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

import netdyn.cli.report.HtmlPage.Figure;

/**
 * The figures of a learning-rate sweep and of a trainability map, added to a report page: bifurcation
 * diagram, exponents, edge of stability, loss / accuracy / speed, regimes with representative series,
 * and the (hidden, output) learning-rate map with its zoom.
 */
public final class AtlasReport {
    /** Regimes in the order of increasing η one usually meets them, each with a fixed colour. */
    static final Map<String, String> REGIME_COLORS = new LinkedHashMap<>();

    static {
        REGIME_COLORS.put("converged", "#009E73");
        REGIME_COLORS.put("slow convergence", "#56B4E9");
        REGIME_COLORS.put("plateau", "#999999");
        REGIME_COLORS.put("edge of stability", "#0072B2");
        REGIME_COLORS.put("periodic", "#E69F00");
        REGIME_COLORS.put("intermittent", "#CC79A7");
        REGIME_COLORS.put("chaotic", "#D55E00");
        REGIME_COLORS.put("diverged", "#000000");
    }

    private AtlasReport() {
    }

    /** Per-η summary of the rows. */
    public record EtaStats(double[] eta, List<List<Map<String, Object>>> rows) {
        /** A statistic (mean, min, max) of the finite values of {@code key} at each η. */
        double[] stat(String key, ToDoubleFunction<double[]> statistic) {
            double[] out = new double[eta.length];
            for (int i = 0; i < eta.length; i++) {
                out[i] = statistic.applyAsDouble(SweepRows.values(rows.get(i), key));
            }
            return out;
        }

        double[] mean(String key) {
            return stat(key, SweepRows::mean);
        }

        /** Mean of {@code key} at each η with whiskers over its range across inits. */
        void errorBars(SvgChart chart, String name, String key, String color) {
            chart.errorBars(name, eta, mean(key), stat(key, SweepRows::min), stat(key, SweepRows::max), color);
        }

        /** The most frequent regime at each η (ties: the later regime in {@link #REGIME_COLORS}). */
        String[] majorityRegime() {
            String[] out = new String[eta.length];
            for (int i = 0; i < eta.length; i++) {
                out[i] = majority(counts(rows.get(i)));
            }
            return out;
        }
    }

    public static EtaStats stats(SweepRows data) {
        TreeMap<Double, List<Map<String, Object>>> by = data.by("lr");
        return new EtaStats(by.keySet().stream().mapToDouble(Double::doubleValue).toArray(),
                new ArrayList<>(by.values()));
    }

    static Map<String, Integer> counts(List<Map<String, Object>> rows) {
        Map<String, Integer> c = new LinkedHashMap<>();
        for (Map<String, Object> r : rows) {
            String regime = "diverged".equals(r.get("status")) ? "diverged" : SweepRows.text(r, "regime");
            if (!regime.isEmpty()) {
                c.merge(regime, 1, Integer::sum);
            }
        }
        return c;
    }

    static String majority(Map<String, Integer> counts) {
        String best = "";
        int n = -1;
        for (String regime : REGIME_COLORS.keySet()) {
            int k = counts.getOrDefault(regime, 0);
            if (k > 0 && k >= n) {
                best = regime;
                n = k;
            }
        }
        return best;
    }

    /** An exponent below this (per step) is read as zero: numerical noise of a converging run is ~1e-5. */
    static final double CHAOS_THRESHOLD = netdyn.analysis.Regime.CHAOTIC_LAMBDA1;

    /** The first η whose mean tangent (or twin, or nMLE) exponent exceeds {@link #CHAOS_THRESHOLD}; NaN if none. */
    public static double onsetOfChaos(EtaStats s) {
        String key = s.rows().get(0).get(0).containsKey("lambdaTangent") ? "lambdaTangent"
                : s.rows().get(0).get(0).containsKey("lambdaTwin") ? "lambdaTwin" : "nmle";
        double[] lam = s.mean(key);
        for (int i = 0; i < lam.length; i++) {
            if (lam[i] > CHAOS_THRESHOLD) {
                return s.eta()[i];
            }
        }
        return Double.NaN;
    }

    /** The sections of a learning-rate sweep; {@code prefix} is the sweep's directory relative to the page. */
    static void learningRateSections(HtmlPage page, SweepRows data, SweepRows spectrum, String prefix) {
        EtaStats s = stats(data);
        double onset = onsetOfChaos(s);
        String[] majority = s.majorityRegime();
        boolean hasRegimes = data.has("regime");

        page.heading("Regimes across learning rates");
        if (hasRegimes) {
            page.paragraph(regimeSentence(s.eta(), majority, onset));
            String[] hover = new String[s.eta().length];
            for (int i = 0; i < hover.length; i++) {
                hover[i] = String.format(Locale.ROOT, "η = %.4g: %s (%s)", s.eta()[i], majority[i],
                        counts(s.rows().get(i)));
            }
            page.figure(SvgStrip.of("Regime of the loss series (majority of inits)", "learning rate η", s.eta(),
                    majority, hover).logX().size(1040, 150).colors(REGIME_COLORS).render(),
                    "Each learning rate coloured by the regime most of its inits fall in (hover for the counts); "
                            + "the rule and its evidence are in the table below and in README (netdyn regime).");
        }

        page.heading("Bifurcation diagram");
        SvgChart bif = bifurcation(data, "lossTail", "Last " + tailLength(data) + " loss values of every run",
                "training loss", true);
        long diverged = data.rows.stream().filter(r -> "diverged".equals(r.get("status"))).count();
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
            s.errorBars(lyap, "tangent λ₁ (QR), mean and range", "lambdaTangent", "#0072B2");
        }
        if (data.has("lambdaTwin")) {
            lyap.line("twin orbits", s.eta(), s.mean("lambdaTwin"), "#009E73");
        }
        if (data.has("nmle")) {
            double[] nmle = new double[s.eta().length];
            String[] hover = new String[nmle.length];
            for (int i = 0; i < nmle.length; i++) {
                List<Map<String, Object>> passed = s.rows().get(i).stream()
                        .filter(r -> SweepRows.number(r, "nmlePassed") == 1).toList();
                nmle[i] = SweepRows.mean(SweepRows.values(passed, "nmle"));
                hover[i] = String.format(Locale.ROOT, "η = %.4g: nMLE %.4g, %d of %d inits pass the fit", s.eta()[i],
                        nmle[i], passed.size(), s.rows().get(i).size());
            }
            lyap.points("nMLE (study's protocol, passing fits)", s.eta(), nmle, "#D55E00", 3.5, hover);
        }
        if (data.has("lambdaSeries")) {
            lyap.line("loss series (Rosenstein)", s.eta(), s.mean("lambdaSeries"), "#CC79A7");
        }
        lyap.hline(0, "λ = 0", "#444444");
        if (Double.isFinite(onset)) {
            lyap.vline(onset, "onset of chaos", "#D55E00");
        }
        List<Figure> exponents = new ArrayList<>();
        exponents.add(Figure.svg(lyap.render(), "Tangent exponent λ₁ over the whole run (QR on exact Hessian-vector "
                + "products), the same from a renormalised twin orbit, the study's finite-time exponent of perturbed "
                + "replicas (first 200 steps; mean of the inits whose fit passes, hover for counts) and the exponent "
                + "of the scalar loss series. Positive means nearby networks separate."));
        if (spectrum != null && spectrum.has("spectrum")) {
            EtaStats sp = stats(spectrum);
            int n = sp.eta().length;
            double[] lo = new double[n];
            double[] hi = new double[n];
            double[] dim = new double[n];
            Arrays.fill(lo, Double.NaN);
            Arrays.fill(hi, Double.NaN);
            for (int i = 0; i < n; i++) {
                for (Map<String, Object> r : sp.rows().get(i)) {
                    if (r.get("spectrum") instanceof double[] e && Double.isFinite(e[0])) {
                        lo[i] = Double.isNaN(lo[i]) ? e[e.length - 1] : Math.min(lo[i], e[e.length - 1]);
                        hi[i] = Double.isNaN(hi[i]) ? e[0] : Math.max(hi[i], e[0]);
                    }
                }
            }
            SvgChart band = SvgChart.of("Full Lyapunov spectrum", "learning rate η", "exponent per step").logX();
            band.band("λ_P … λ₁", sp.eta(), lo, hi, "#0072B2");
            band.line("λ₁", sp.eta(), hi, "#0072B2");
            band.line("λ_P", sp.eta(), lo, "#56B4E9");
            band.hline(0, "λ = 0", "#444444");
            exponents.add(Figure.svg(band.render(), "All P exponents of the training map (one init per η): the band "
                    + "from the most contracting to the most expanding direction. Their sum is the mean of "
                    + "ln|det(I − ηH)| along the orbit."));
        }
        page.figureRow(exponents.toArray(Figure[]::new));

        if (data.has("eosRatioMax")) {
            page.heading("Edge of stability");
            SvgChart eos = SvgChart.of("Sharpness × η / 2", "learning rate η", "λ_max(H) · η / 2").logX().logY()
                    .size(1040, 360);
            s.errorBars(eos, "largest along the run (mean, range over inits)", "eosRatioMax", "#0072B2");
            eos.line("at the end of the run", s.eta(), s.mean("eosRatioFinal"), "#E69F00");
            eos.hline(1, "edge of stability: λ_max = 2/η", "#D55E00");
            page.figure(eos.render(), "Above the line gradient descent is linearly unstable along the top Hessian "
                    + "direction; at the edge of stability training keeps the sharpness near 2/η.");
        }

        page.heading("Loss, accuracy and speed");
        SvgChart loss = SvgChart.of("Final training loss", "learning rate η", "loss").logX().logY();
        s.errorBars(loss, "mean, range over inits", "finalLoss", "#0072B2");
        List<Figure> row = new ArrayList<>();
        row.add(Figure.svg(loss.render(), "Training loss after the last step."));
        if (data.has("testAccuracy")) {
            SvgChart acc = SvgChart.of("Test accuracy", "learning rate η", "accuracy").logX();
            s.errorBars(acc, "mean, range over inits", "testAccuracy", "#009E73");
            row.add(Figure.svg(acc.render(), "Accuracy on the held-out samples at the last step."));
        }
        page.figureRow(row.toArray(Figure[]::new));
        if (data.has("stepsToTarget")) {
            double[] steps = new double[s.eta().length];
            String[] hover = new String[steps.length];
            for (int i = 0; i < steps.length; i++) {
                double[] reached = s.rows().get(i).stream().mapToDouble(r -> SweepRows.number(r, "stepsToTarget"))
                        .filter(v -> v >= 0).toArray();
                steps[i] = SweepRows.mean(reached);
                hover[i] = String.format(Locale.ROOT, "η = %.4g: %d of %d inits reached it", s.eta()[i], reached.length,
                        s.rows().get(i).size());
            }
            SvgChart speed = SvgChart.of("Steps to reach the target test accuracy", "learning rate η", "steps")
                    .logX().logY().size(1040, 340);
            speed.line("", s.eta(), steps, "#999999");
            speed.points("mean over the inits that reach it", s.eta(), steps, "#0072B2", 3.5, hover);
            if (Double.isFinite(onset)) {
                speed.vline(onset, "onset of chaos", "#D55E00");
            }
            page.figure(speed.render(), "The follow-up study's claim: training is fastest at the onset of chaos "
                    + "(SCIENCE.md §3). Learning rates where no init reaches the target within the run have no point.");
        }

        if (hasRegimes) {
            representativeSeries(page, data, s);
            regimeTable(page, s, majority);
        }
        page.downloads(List.of(prefix + "results.csv", prefix + "results.jsonl", prefix + "loss_tail.npy",
                prefix + "store.jsonl", prefix + "manifest.json"));
    }

    /** Every run's tail of {@code key} as points against η, coloured by the run's regime. */
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
            String regime = hasRegimes ? SweepRows.text(r, "regime") : "";
            double eta = SweepRows.number(r, "lr");
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
            b.append(" The maximal exponent first exceeds ").append(CHAOS_THRESHOLD).append(" per step (onset of chaos) at "
                    + "η ≈ ").append(fmt(onset)).append('.');
        }
        return b.toString();
    }

    public static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3g", v);
    }

    private static void representativeSeries(HtmlPage page, SweepRows data, EtaStats s) {
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
            String name = e.getKey() + " (η = " + fmt(SweepRows.number(r, "lr")) + ")";
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

    private static double[] steps(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
        }
        return x;
    }

    private static void regimeTable(HtmlPage page, EtaStats s, String[] majority) {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < s.eta().length; i++) {
            List<Map<String, Object>> r = s.rows().get(i);
            List<String> perRegime = new ArrayList<>();
            counts(r).forEach((regime, k) -> perRegime.add(k + " " + regime));
            rows.add(List.of(fmt(s.eta()[i]), majority[i], String.join(", ", perRegime),
                    fmt(SweepRows.mean(SweepRows.values(r, "lambdaTangent"))),
                    fmt(SweepRows.mean(SweepRows.values(r, "zeroOneK"))),
                    fmt(SweepRows.mean(SweepRows.values(r, "laminarFraction"))),
                    fmt(SweepRows.mean(SweepRows.values(r, "eosRatioFinal"))),
                    fmt(SweepRows.mean(SweepRows.values(r, "finalLoss"))),
                    fmt(SweepRows.mean(SweepRows.values(r, "testAccuracy")))));
        }
        page.paragraph("Evidence per learning rate (means over inits): tangent exponent λ₁, the 0–1 test's K (≈ 1 "
                + "chaotic, ≈ 0 regular), the fraction of the loss series in laminar phases, sharpness·η/2 at the end, "
                + "final loss and test accuracy.");
        page.table(List.of("η", "regime", "inits per regime", "λ₁", "0–1 K", "laminar", "sharpness·η/2", "final loss",
                "test acc."), rows);
    }

    /**
     * Trained (0) / stalled (1) / diverged (2) for one trainability-map task: diverged when the loss is not
     * finite or ends above where it started; trained when it ends below half the chance level ln C (cross
     * entropy; half the initial loss otherwise, or when that is lower); stalled in between.
     */
    public static int trainability(Map<String, Object> r) {
        double fin = SweepRows.number(r, "finalLoss");
        double init = SweepRows.number(r, "initialLoss");
        double chance = SweepRows.number(r, "chanceLoss");
        if ("diverged".equals(r.get("status")) || !Double.isFinite(fin) || fin > init) {
            return 2;
        }
        double reference = Double.isFinite(chance) ? Math.min(chance, init) : init;
        return fin < 0.5 * reference ? 0 : 1;
    }

    static final String[] TRAINABILITY = {"trained", "stalled", "diverged"};
    static final String[] TRAINABILITY_COLORS = {"#0072B2", "#E69F00", "#8c1c13"};

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
        page.figureRow(Figure.svg(lossHeatmap(map, "Final loss"), "Final training loss (log colour); diverged runs "
                + "in dark red."));
        List<String> files = new ArrayList<>(List.of(prefix + "results.csv", prefix + "results.jsonl"));
        if (zoom != null) {
            files.add(zoomPrefix + "results.csv");
        }
        page.downloads(files);
    }

    /** A trainability-map sweep as a grid: output-layer rates along x, hidden-layer rates along y. */
    record MapGrid(double[] output, double[] hidden) {
        static MapGrid of(SweepRows data) {
            return new MapGrid(data.by("lr-output").keySet().stream().mapToDouble(Double::doubleValue).toArray(),
                    data.by("lr-hidden").keySet().stream().mapToDouble(Double::doubleValue).toArray());
        }

        int x(Map<String, Object> row) {
            return Arrays.binarySearch(output, SweepRows.number(row, "lr-output"));
        }

        int y(Map<String, Object> row) {
            return Arrays.binarySearch(hidden, SweepRows.number(row, "lr-hidden"));
        }

        SvgHeatmap heatmap(String title) {
            return SvgHeatmap.of(title, "output-layer learning rate", "hidden-layer learning rate", output, hidden)
                    .logX().logY();
        }
    }

    private static String heatmap(SweepRows data, String title, SweepRows zoom) {
        MapGrid g = MapGrid.of(data);
        int[][] c = new int[g.hidden().length][g.output().length];
        String[][] hover = new String[g.hidden().length][g.output().length];
        for (Map<String, Object> r : data.rows) {
            int xi = g.x(r);
            int yi = g.y(r);
            c[yi][xi] = trainability(r);
            hover[yi][xi] = String.format(Locale.ROOT, "η_hidden = %.4g, η_output = %.4g: %s, final loss %.4g",
                    g.hidden()[yi], g.output()[xi], TRAINABILITY[c[yi][xi]], SweepRows.number(r, "finalLoss"));
        }
        SvgHeatmap h = g.heatmap(title).categories(c, TRAINABILITY, TRAINABILITY_COLORS).hover(hover);
        if (zoom != null) {
            MapGrid z = MapGrid.of(zoom);
            h.overlayRect(z.output()[0], z.output()[z.output().length - 1], z.hidden()[0],
                    z.hidden()[z.hidden().length - 1], "zoom");
        }
        return h.render();
    }

    private static String lossHeatmap(SweepRows data, String title) {
        MapGrid g = MapGrid.of(data);
        double[][] v = new double[g.hidden().length][g.output().length];
        for (double[] row : v) {
            Arrays.fill(row, Double.NaN);
        }
        for (Map<String, Object> r : data.rows) {
            v[g.y(r)][g.x(r)] = "diverged".equals(r.get("status")) ? Double.NaN : SweepRows.number(r, "finalLoss");
        }
        return g.heatmap(title).size(1040, 440).values(v, "final loss", true).nanLabel("diverged").render();
    }

    /**
     * The window of a trainability map where trained and untrained cells mix most: a square of a quarter
     * of the grid's cells per side, centred where the most neighbouring cells differ. Returns
     * {h0, h1, o0, o1}.
     */
    public static double[] boundaryWindow(SweepRows data) {
        MapGrid g = MapGrid.of(data);
        int nx = g.output().length;
        int ny = g.hidden().length;
        boolean[][] trained = new boolean[ny][nx];
        for (Map<String, Object> r : data.rows) {
            trained[g.y(r)][g.x(r)] = trainability(r) == 0;
        }
        int wx = Math.max(2, nx / 4);
        int wy = Math.max(2, ny / 4);
        int best = -1;
        int bx = 0;
        int by = 0;
        for (int y0 = 0; y0 + wy <= ny; y0++) {
            for (int x0 = 0; x0 + wx <= nx; x0++) {
                int changes = changesInside(trained, x0, y0, wx, wy);
                if (changes > best) {
                    best = changes;
                    bx = x0;
                    by = y0;
                }
            }
        }
        return new double[] {g.hidden()[by], g.hidden()[by + wy - 1], g.output()[bx], g.output()[bx + wx - 1]};
    }

    /** Neighbouring cell pairs (right, below) inside the window that differ. */
    private static int changesInside(boolean[][] c, int x0, int y0, int wx, int wy) {
        int changes = 0;
        for (int y = y0; y < y0 + wy; y++) {
            for (int x = x0; x < x0 + wx; x++) {
                if (x + 1 < x0 + wx && c[y][x] != c[y][x + 1]) {
                    changes++;
                }
                if (y + 1 < y0 + wy && c[y][x] != c[y + 1][x]) {
                    changes++;
                }
            }
        }
        return changes;
    }
}

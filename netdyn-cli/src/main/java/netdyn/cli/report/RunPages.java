package netdyn.cli.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import netdyn.cli.io.NpyReader;
import netdyn.cli.report.HtmlPage.Figure;

/**
 * The page of one run directory ({@code train}, {@code divergence}, {@code lyapunov}, {@code sharpness},
 * {@code series}, {@code regime}): the figures a user looks at first, drawn from the run's NPY files with the atlas's SVG
 * charts (hover values on the points), its summary with nested results as small tables, the command line
 * once, a line that reproduces the run, and links to every file. A command without figures here (or a file
 * missing) still gets the summary and the files.
 */
final class RunPages {
    /** Points with hover text per line: enough to read values off a curve, few enough to stay small. */
    private static final int HOVER_POINTS = 60;

    private RunPages() {
    }

    static ReportPages.Page build(Path dir, Map<String, Object> manifest) throws IOException {
        String command = String.valueOf(manifest.get("command"));
        Map<String, Object> summary = ReportPages.readJson(dir.resolve("summary.json"));
        HtmlPage page = new HtmlPage("netdyn " + command + ": " + dir.getFileName());
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("command line", "netdyn " + manifest.get("commandLine"));
        if (summary != null) {
            summary.forEach((k, v) -> {
                if (!(v instanceof Map || v instanceof List)) {
                    facts.put(k, SummaryTables.scalar(v));
                }
            });
        }
        page.keyValues(facts);
        Run run = new Run(dir, summary == null ? Map.of() : summary, page);
        switch (command) {
            case "train" -> train(run);
            case "divergence" -> divergence(run);
            case "lyapunov" -> lyapunov(run);
            case "sharpness" -> sharpness(run);
            case "series" -> series(run);
            case "regime" -> regime(run);
            default -> { }
        }
        if (summary != null) {
            SummaryTables.nested(page, summary);
        }
        page.heading("Reproduce");
        page.paragraph("Run the same command again (same seed, same numbers on any thread count): ./netdyn "
                + reproduce(String.valueOf(manifest.get("commandLine"))));
        List<String> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.sorted().filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                    .filter(n -> !n.equals("index.html") && !n.startsWith(".")) // the lock is not a result
                    .forEach(files::add);
        }
        page.heading("Files");
        page.paragraph("The PNG figures are the same data drawn for papers; the NPY files load with numpy.load.");
        page.downloads(files);
        return new ReportPages.Page(page.render(), command + " run", page.figureCount());
    }

    /** The command line with {@code --force} added, so it overwrites this directory rather than being refused. */
    static String reproduce(String commandLine) {
        return commandLine.contains("--force") ? commandLine : commandLine + " --force";
    }

    /** A run directory being drawn. */
    private record Run(Path dir, Map<String, Object> summary, HtmlPage page) {
        /** A file's values, or null when it is missing or unreadable. */
        NpyReader.Array npy(String name) {
            Path f = dir.resolve(name);
            if (!Files.isRegularFile(f)) {
                return null;
            }
            try {
                return NpyReader.read(f);
            } catch (RuntimeException e) {
                return null;
            }
        }

        double number(String key) {
            return summary.get(key) instanceof Number n ? n.doubleValue() : Double.NaN;
        }
    }

    // ------------------------------------------------------------------------------------------------- train

    private static void train(Run run) {
        NpyReader.Array loss = run.npy("loss.npy");
        NpyReader.Array acc = run.npy("accuracy.npy");
        double diverged = run.number("divergedAtStep");
        List<Figure> row = new ArrayList<>();
        if (loss != null) {
            double[] l = loss.data();
            SvgChart c = SvgChart.of("Loss", "step", "loss").logY();
            hoverLine(c, "training loss", AtlasReport.steps(l.length), l, SvgChart.color(0), "training loss");
            if (acc != null && acc.shape().length == 2 && (int) acc.shape()[1] == 5) {
                double[] t = column(acc, 0);
                double[] testLoss = column(acc, 3);
                if (anyFinite(testLoss)) {
                    hoverLine(c, "test loss", t, testLoss, SvgChart.color(1), "test loss");
                }
            }
            markDivergence(c, diverged);
            row.add(Figure.svg(c.render(), "Training loss at every step (log axis) and test loss at the recorded "
                    + "steps." + divergedText(diverged)));
        }
        if (acc != null && acc.shape().length == 2 && (int) acc.shape()[1] == 5) {
            double[] t = column(acc, 0);
            SvgChart c = SvgChart.of("Accuracy", "step", "accuracy");
            hoverLine(c, "train", t, column(acc, 2), SvgChart.color(0), "train accuracy");
            double[] test = column(acc, 4);
            if (anyFinite(test)) {
                hoverLine(c, "test", t, test, SvgChart.color(2), "test accuracy");
            }
            markDivergence(c, diverged);
            row.add(Figure.svg(c.render(), "Fraction of samples classified correctly, at the recorded steps."));
        }
        if (!row.isEmpty()) {
            run.page.heading("Training");
            run.page.figureRow(row.toArray(Figure[]::new));
        }
        List<Figure> end = new ArrayList<>();
        NpyReader.Array approach = run.npy("approach.npy");
        if (approach != null && approach.shape().length == 2 && (int) approach.shape()[1] == 3) {
            double[] t = column(approach, 0);
            SvgChart c = SvgChart.of("Approach to the end state", "step", "ℓ1 distance").logY();
            hoverLine(c, "‖θ(t) − θ(T)‖₁", t, column(approach, 1), SvgChart.color(0), "to θ(T)");
            hoverLine(c, "‖θ(t) − late average‖₁", t, column(approach, 2), SvgChart.color(3), "to the late average");
            end.add(Figure.svg(c.render(), "How the parameters approach where the run ends: a straight line on this "
                    + "log axis is exponential convergence, a bending one a slow (power-law) approach along a flat "
                    + "valley; the fits are in the table below."));
        }
        if (run.summary.get("finalHessian") instanceof Map<?, ?> h && h.get("max") instanceof Number) {
            NpyReader.Array spectrum = run.npy("hessian-final.npy");
            if (spectrum != null) {
                end.add(Figure.svg(spectrumChart("Final Hessian spectrum", spectrum.data(), "eigenvalue"),
                        "Eigenvalues of the Hessian at θ(T), descending (hover for values)."));
            }
        }
        if (!end.isEmpty()) {
            run.page.heading("End state");
            run.page.figureRow(end.toArray(Figure[]::new));
        }
    }

    private static void markDivergence(SvgChart c, double diverged) {
        if (Double.isFinite(diverged) && diverged >= 0) {
            c.vline(diverged, "diverged at step " + (long) diverged, "#8c1c13");
        }
    }

    private static String divergedText(double diverged) {
        return Double.isFinite(diverged) && diverged >= 0 ? " The run diverged at step " + (long) diverged
                + " (its loss became non-finite): marked by the red line." : "";
    }

    // -------------------------------------------------------------------------------------------- divergence

    private static void divergence(Run run) {
        NpyReader.Array nmle = run.npy("nmle.npy");
        if (nmle == null || nmle.shape().length != 2 || (int) nmle.shape()[1] != 9) {
            return;
        }
        int e = (int) nmle.shape()[0];
        double[] eps = column(nmle, 0);
        double perturbed = nmle.data()[8];
        SvgChart dist = SvgChart.of("Replica distance d̄(t), mean over inits", "step after the perturbation",
                "ℓ1 distance").logY();
        SvgChart collapse = SvgChart.of("Collapse: d̄(t) / (N_w ε)", "step after the perturbation",
                "normalised distance").logY();
        for (int j = 0; j < e; j++) {
            NpyReader.Array m = run.npy("mean-distance-eps" + j + ".npy");
            if (m == null || m.shape().length != 2) {
                continue;
            }
            double[] mean = columnMeans(m);
            String name = String.format(Locale.ROOT, "ε = %.0e", eps[j]);
            hoverLine(dist, name, AtlasReport.steps(mean.length), mean, SvgChart.color(j), name + ": d̄");
            double[] norm = new double[mean.length];
            for (int t = 0; t < norm.length; t++) {
                norm[t] = mean[t] / (perturbed * eps[j]);
            }
            hoverLine(collapse, name, AtlasReport.steps(norm.length), norm, SvgChart.color(j), name + ": d̄ / (N_w ε)");
        }
        run.page.heading("Distances");
        run.page.figureRow(Figure.svg(dist.render(), "Mean ℓ1 distance of the perturbed replicas to their reference "
                + "run, averaged over inits, one line per ε: a straight rise on this log axis is exponential "
                + "divergence."), Figure.svg(collapse.render(), "The same divided by N_w ε (N_w perturbed "
                + "parameters): curves that fall on one another are linear response, independent of ε."));

        double[] mean = column(nmle, 1);
        double[] std = column(nmle, 2);
        double[] lo = new double[e];
        double[] hi = new double[e];
        String[] hover = new String[e];
        for (int j = 0; j < e; j++) {
            lo[j] = mean[j] - std[j];
            hi[j] = mean[j] + std[j];
            hover[j] = String.format(Locale.ROOT, "ε = %.1e: nMLE %s ± %s, %d of %d inits pass", eps[j],
                    AtlasReport.fmt(mean[j]), AtlasReport.fmt(std[j]), (long) nmle.data()[j * 9 + 3],
                    (long) nmle.data()[j * 9 + 4]);
        }
        SvgChart n = SvgChart.of("nMLE against ε", "perturbation size ε", "nMLE per step").logX();
        n.band("± one standard deviation over passing inits", eps, lo, hi, SvgChart.color(0));
        n.points("mean over passing inits", eps, mean, SvgChart.color(0), 3.5, hover);
        n.hline(0.05, "slope filter 0.05", SvgChart.GREY);
        List<Figure> row = new ArrayList<>();
        row.add(Figure.svg(n.render(), "The study's finite-time exponent (best-R² window fit of ln d̄) against the "
                + "perturbation size; ε where no init passes the fit have no point (hover for the counts)."));
        NpyReader.Array norm = run.npy("weight-norm.npy");
        if (norm != null && norm.shape().length == 2) {
            SvgChart w = SvgChart.of("‖θ(t)‖₁ of the reference runs", "step", "ℓ1 norm");
            for (int i = 0; i < Math.min((int) norm.shape()[0], 8); i++) {
                hoverLine(w, "init " + i, AtlasReport.steps((int) norm.shape()[1]), row(norm, i), SvgChart.color(i),
                        "init " + i + ": ‖θ‖₁");
            }
            row.add(Figure.svg(w.render(), "Whether the weights settle (a flat line) or keep growing."));
        }
        run.page.heading("Exponent and weights");
        run.page.figureRow(row.toArray(Figure[]::new));
    }

    // --------------------------------------------------------------------------------------------- lyapunov

    private static void lyapunov(Run run) {
        NpyReader.Array running = run.npy("running.npy");
        NpyReader.Array exponents = run.npy("exponents.npy");
        List<Figure> row = new ArrayList<>();
        if (running != null && running.shape().length == 2 && (int) running.shape()[1] >= 2) {
            int k = (int) running.shape()[1] - 1;
            double[] t = column(running, 0);
            SvgChart c = SvgChart.of("Running exponents", "step", "exponent per step");
            for (int i = 0; i < Math.min(k, 8); i++) {
                hoverLine(c, "λ" + (i + 1), t, column(running, i + 1), SvgChart.color(i), "λ" + (i + 1));
            }
            c.hline(0, "λ = 0", SvgChart.GREY);
            row.add(Figure.svg(c.render(), "Each exponent's estimate over the steps so far (QR of the tangent "
                    + "vectors on exact Hessian-vector products)" + (k > 8 ? "; the first 8 of " + k + " shown" : "")
                    + ". Converging lines mean the run was long enough."));
        }
        if (exponents != null) {
            row.add(Figure.svg(spectrumChart("Lyapunov spectrum", exponents.data(), "exponent per step"),
                    "The exponents at the end, descending (hover for values); positive ones are directions in which "
                            + "nearby training runs separate."));
        }
        if (!row.isEmpty()) {
            run.page.heading("Lyapunov exponents");
            run.page.figureRow(row.toArray(Figure[]::new));
        }
    }

    // -------------------------------------------------------------------------------------------- sharpness

    private static void sharpness(Run run) {
        NpyReader.Array s = run.npy("sharpness.npy");
        if (s == null || s.shape().length != 2 || (int) s.shape()[1] < 3) {
            return;
        }
        double[] t = column(s, 0);
        double twoOverEta = run.number("twoOverEta");
        SvgChart c = SvgChart.of("Sharpness against 2/η", "step", "top Hessian eigenvalues");
        for (int i = 2; i < Math.min((int) s.shape()[1], 6); i++) {
            hoverLine(c, i == 2 ? "λ_max (sharpness)" : "λ" + (i - 1), t, column(s, i), SvgChart.color(i - 2),
                    "λ" + (i - 1));
        }
        if (Double.isFinite(twoOverEta)) {
            c.hline(twoOverEta, "2/η", "#D55E00");
        }
        SvgChart loss = SvgChart.of("Loss at the same steps", "step", "training loss").logY();
        hoverLine(loss, "training loss", t, column(s, 1), SvgChart.color(0), "loss");
        run.page.heading("Sharpness");
        run.page.figureRow(Figure.svg(c.render(), "The largest Hessian eigenvalues along the run (Lanczos). Above "
                + "the line 2/η gradient descent is linearly unstable along the top direction: the edge of "
                + "stability keeps it near the line."), Figure.svg(loss.render(), "The loss at the same steps."));
    }

    // ----------------------------------------------------------------------------------------------- series

    private static void series(Run run) {
        NpyReader.Array x = run.npy("series.npy");
        List<Figure> first = new ArrayList<>();
        if (x != null) {
            double[] v = x.data();
            SvgChart c = SvgChart.of("The series", "index", "value");
            if (allPositive(v)) {
                c.logY();
            }
            hoverLine(c, "", AtlasReport.steps(v.length), v, SvgChart.color(0), "value");
            NpyReader.Array laminar = run.npy("laminar-phases.npy");
            String lam = "";
            if (laminar != null && laminar.shape().length == 2 && (int) laminar.shape()[0] > 0) {
                double[] lo = new double[v.length];
                double[] hi = new double[v.length];
                java.util.Arrays.fill(lo, Double.NaN);
                java.util.Arrays.fill(hi, Double.NaN);
                double min = Double.POSITIVE_INFINITY;
                double max = Double.NEGATIVE_INFINITY;
                for (double y : v) {
                    if (Double.isFinite(y) && (!allPositive(v) || y > 0)) {
                        min = Math.min(min, y);
                        max = Math.max(max, y);
                    }
                }
                for (int p = 0; p < (int) laminar.shape()[0]; p++) {
                    int start = (int) laminar.data()[2 * p];
                    int len = (int) laminar.data()[2 * p + 1];
                    for (int i = start; i < Math.min(v.length, start + len); i++) {
                        lo[i] = min;
                        hi[i] = max;
                    }
                }
                c.band("laminar phases", AtlasReport.steps(v.length), lo, hi, "#009E73");
                lam = " Shaded: the laminar phases (" + (int) laminar.shape()[0] + ").";
            }
            first.add(Figure.svg(c.render(), "The series analysed (log axis when positive)." + lam));
        }
        NpyReader.Array acf = run.npy("acf.npy");
        if (acf != null && acf.shape().length == 2 && (int) acf.shape()[1] == 4) {
            double[] lag = column(acf, 0);
            SvgChart c = SvgChart.of("Autocorrelation", "lag", "ACF");
            c.band("shuffle null band", lag, column(acf, 2), column(acf, 3), SvgChart.GREY);
            c.points("ACF", lag, column(acf, 1), SvgChart.color(0), 2.5, hover(lag, column(acf, 1), "lag", "ACF"));
            c.hline(0, null, SvgChart.GREY);
            first.add(Figure.svg(c.render(), "Autocorrelation by lag; the grey band is where shuffled copies of the "
                    + "series fall (no temporal structure)."));
        }
        if (!first.isEmpty()) {
            run.page.heading("Series");
            run.page.figureRow(first.toArray(Figure[]::new));
        }
        List<Figure> second = new ArrayList<>();
        NpyReader.Array pg = run.npy("periodogram.npy");
        if (pg != null && pg.shape().length == 2 && (int) pg.shape()[1] == 2 && (int) pg.shape()[0] > 1) {
            double[] f = column(pg, 0);
            double[] p = column(pg, 1);
            SvgChart c = SvgChart.of("Periodogram", "frequency (cycles per step)", "power").logY();
            hoverLine(c, "", f, p, SvgChart.color(0), "power");
            second.add(Figure.svg(c.render(), "Power by frequency: sharp peaks are periodic orbits (period 1/f), a "
                    + "broad floor chaos or noise."));
        }
        NpyReader.Array zo = run.npy("zero-one.npy");
        if (zo != null && zo.shape().length == 2 && (int) zo.shape()[1] == 2) {
            double[] cs = column(zo, 0);
            double[] k = column(zo, 1);
            SvgChart c = SvgChart.of("0–1 test: K per frequency c", "c", "K_c");
            c.points("K_c", cs, k, SvgChart.color(1), 2.5, hover(cs, k, "c", "K"));
            c.hline(run.number("zeroOneK"), "median K", "#D55E00");
            second.add(Figure.svg(c.render(), "Gottwald–Melbourne 0–1 test: K near 1 is chaos, near 0 regular "
                    + "motion; the median over c is the result."));
        }
        if (!second.isEmpty()) {
            run.page.heading("Periodicity and chaos");
            run.page.figureRow(second.toArray(Figure[]::new));
        }
        List<Figure> third = new ArrayList<>();
        for (String method : new String[] {"rosenstein", "kantz"}) {
            NpyReader.Array d = run.npy("divergence-" + method + ".npy");
            if (d != null && d.shape().length == 2 && (int) d.shape()[1] >= 2) {
                SvgChart c = SvgChart.of("Neighbour divergence (" + method + ")", "steps ahead", "mean ln distance");
                hoverLine(c, "", column(d, 0), column(d, 1), SvgChart.color(method.equals("kantz") ? 2 : 0),
                        "ln d");
                third.add(Figure.svg(c.render(), "Mean log distance of initially close delay vectors against time: "
                        + "its initial slope is the maximal exponent of the series (" + method + ")."));
            }
        }
        if (!third.isEmpty()) {
            run.page.heading("Lyapunov exponent of the series");
            run.page.figureRow(third.toArray(Figure[]::new));
        }
    }

    // ----------------------------------------------------------------------------------------------- regime

    private static void regime(Run run) {
        Object label = run.summary.get("regime");
        run.page.heading("Regime: " + (label == null ? "—" : label));
        if (run.summary.get("reasons") instanceof List<?> reasons) {
            StringBuilder b = new StringBuilder("<ul>");
            for (Object r : reasons) {
                b.append("<li>").append(Svg.esc(String.valueOf(r))).append("</li>");
            }
            run.page.html(b.append("</ul>").toString());
        }
        NpyReader.Array loss = run.npy("loss.npy");
        if (loss == null) {
            return;
        }
        double[] l = loss.data();
        SvgChart c = SvgChart.of("Loss series", "step", "training loss").logY();
        int half = (l.length - 1) / 2;
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (double v : l) {
            if (Double.isFinite(v) && v > 0) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        if (min < max) {
            double[] lo = new double[l.length];
            double[] hi = new double[l.length];
            for (int t = 0; t < l.length; t++) {
                lo[t] = t >= half ? min : Double.NaN;
                hi[t] = t >= half ? max : Double.NaN;
            }
            c.band("second half (read by the rule)", AtlasReport.steps(l.length), lo, hi, "#009E73");
        }
        hoverLine(c, "training loss", AtlasReport.steps(l.length), l, SvgChart.color(0), "loss");
        run.page.figure(c.render(), "The loss of the run; the rule reads its second half (shaded): the 0–1 test, "
                + "laminar phases, rises and the periodogram, with the tangent exponent over the same steps and the "
                + "sharpness at the end. The evidence is in the table below.");
    }

    // ---------------------------------------------------------------------------------------------- helpers

    /** A line with up to {@link #HOVER_POINTS} small points on it carrying "label at x: y" on hover. */
    private static void hoverLine(SvgChart c, String name, double[] x, double[] y, String color, String label) {
        c.line(name, x, y, color);
        int n = x.length;
        int every = Math.max(1, (int) Math.ceil(n / (double) HOVER_POINTS));
        int m = (n + every - 1) / every;
        double[] px = new double[m];
        double[] py = new double[m];
        String[] hover = new String[m];
        for (int i = 0, j = 0; i < n; i += every, j++) {
            px[j] = x[i];
            py[j] = y[i];
            hover[j] = label + " at " + (x[i] == Math.rint(x[i]) && Math.abs(x[i]) < 1e15 ? Long.toString((long) x[i])
                    : AtlasReport.fmt(x[i])) + ": " + AtlasReport.fmt(y[i]);
        }
        c.points("", px, py, color, 1.6, hover);
    }

    private static String[] hover(double[] x, double[] y, String xName, String yName) {
        String[] h = new String[x.length];
        for (int i = 0; i < h.length; i++) {
            h[i] = xName + " " + AtlasReport.fmt(x[i]) + ": " + yName + " " + AtlasReport.fmt(y[i]);
        }
        return h;
    }

    /** Values in descending order as points against their index (1-based), with hover. */
    private static String spectrumChart(String title, double[] values, String yLabel) {
        double[] idx = new double[values.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i + 1;
        }
        return SvgChart.of(title, "index", yLabel).points("", idx, values, SvgChart.color(0), 2.5,
                hover(idx, values, "#", "value")).hline(0, null, SvgChart.GREY).render();
    }

    private static double[] column(NpyReader.Array a, int j) {
        int rows = (int) a.shape()[0];
        int cols = (int) a.shape()[1];
        double[] c = new double[rows];
        for (int i = 0; i < rows; i++) {
            c[i] = a.data()[i * cols + j];
        }
        return c;
    }

    private static double[] row(NpyReader.Array a, int i) {
        int cols = (int) a.shape()[1];
        return java.util.Arrays.copyOfRange(a.data(), i * cols, (i + 1) * cols);
    }

    /** The mean of each column over the rows whose value there is finite (NaN where none is). */
    private static double[] columnMeans(NpyReader.Array a) {
        int rows = (int) a.shape()[0];
        int cols = (int) a.shape()[1];
        double[] m = new double[cols];
        for (int j = 0; j < cols; j++) {
            double sum = 0;
            int n = 0;
            for (int i = 0; i < rows; i++) {
                double v = a.data()[i * cols + j];
                if (Double.isFinite(v)) {
                    sum += v;
                    n++;
                }
            }
            m[j] = n == 0 ? Double.NaN : sum / n;
        }
        return m;
    }

    private static boolean anyFinite(double[] v) {
        for (double x : v) {
            if (Double.isFinite(x)) {
                return true;
            }
        }
        return false;
    }

    private static boolean allPositive(double[] v) {
        for (double x : v) {
            if (Double.isFinite(x) && x <= 0) {
                return false;
            }
        }
        return true;
    }
}

package netdyn.cli.report;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

/**
 * Deterministic sample data shaped like the learning-rate atlas (a logistic-map cascade stands in for training),
 * and a page with every figure kind. Shared by the browser test and the XML tests.
 */
final class ReportSamples {

    private ReportSamples() {
    }

    static double[] logspace(double a, double b, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = Math.pow(10, a + (b - a) * i / (n - 1));
        }
        return v;
    }

    /** Logistic parameter for a learning rate: the cascade to chaos happens between η ≈ 0.1 and η ≈ 3. */
    static double r(double eta) {
        return 2.5 + 1.5 * (Math.log10(eta) + 3) / 4;
    }

    static String bifurcation() {
        double[] eta = logspace(-3, 1, 250);
        int keep = 40;
        double[] x = new double[eta.length * keep];
        double[] y = new double[eta.length * keep];
        for (int i = 0; i < eta.length; i++) {
            double r = r(eta[i]);
            double s = 0.3;
            for (int t = 0; t < 500; t++) {
                s = r * s * (1 - s);
            }
            for (int t = 0; t < keep; t++) {
                s = r * s * (1 - s);
                x[i * keep + t] = eta[i];
                y[i * keep + t] = 0.02 + s * s;
            }
        }
        return SvgChart.of("Bifurcation diagram", "learning rate η", "loss (last 40 steps)").logX().logY()
                .points(null, x, y, "#1f1f1f", 0.9, null)
                .vline(2 / 1.0, "η = 2/λ", SvgChart.color(1))
                .render();
    }

    static String lyapunov() {
        double[] eta = logspace(-3, 1, 60);
        double[] l1 = new double[eta.length];
        double[] lo = new double[eta.length];
        double[] hi = new double[eta.length];
        double[] err = new double[eta.length];
        for (int i = 0; i < eta.length; i++) {
            double r = r(eta[i]);
            double s = 0.3;
            double sum = 0;
            for (int t = 0; t < 2000; t++) {
                s = r * s * (1 - s);
                sum += Math.log(Math.abs(r * (1 - 2 * s)) + 1e-12);
            }
            l1[i] = Math.max(-1.5, sum / 2000);
            lo[i] = l1[i] - 0.25 - 0.1 * Math.abs(Math.sin(i));
            hi[i] = l1[i] - 0.02;
            err[i] = 0.04 + 0.03 * Math.abs(Math.cos(i));
        }
        l1[30] = Double.NaN;
        double[] ex = new double[12];
        double[] ey = new double[12];
        double[] elo = new double[12];
        double[] ehi = new double[12];
        for (int k = 0; k < 12; k++) {
            int i = 2 + 5 * k;
            ex[k] = eta[i];
            ey[k] = l1[i] + 0.05;
            elo[k] = ey[k] - err[i];
            ehi[k] = ey[k] + err[i];
        }
        ey[6] = Double.NaN;
        return SvgChart.of("Lyapunov exponent", "learning rate η", "λ per step (nats)").logX()
                .band("spectrum λ₂…λ_k", eta, lo, hi, SvgChart.color(4))
                .line("λ₁ (QR)", eta, l1, SvgChart.color(0))
                .errorBars("λ₁ (Rosenstein) ± s.e.", ex, ey, elo, ehi, SvgChart.color(1))
                .hline(0, "λ = 0", SvgChart.GREY)
                .render();
    }

    static String sharpness() {
        double[] eta = logspace(-3, 1, 40);
        double[] s = new double[eta.length];
        String[] hover = new String[eta.length];
        for (int i = 0; i < eta.length; i++) {
            s[i] = eta[i] * 8 / 2 * (eta[i] > 0.25 ? 0.25 / eta[i] * 2 : 1) * (1 + 0.05 * Math.sin(3 * i));
            hover[i] = String.format(java.util.Locale.ROOT, "η = %.3g, S·η/2 = %.3g <run %d>", eta[i], s[i], i);
        }
        return SvgChart.of("Sharpness at the edge of stability", "learning rate η", "S·η/2").logX().logY()
                .line(null, eta, s, SvgChart.color(2))
                .points("S·η/2 at the end", eta, s, SvgChart.color(2), 3, hover)
                .hline(1, "edge of stability (S = 2/η)", SvgChart.color(1))
                .render();
    }

    static String finalLoss() {
        double[] eta = logspace(-3, 1, 50);
        double[] loss = new double[eta.length];
        double[] acc = new double[eta.length];
        for (int i = 0; i < eta.length; i++) {
            loss[i] = eta[i] < 3 ? 0.6 * Math.exp(-4 * Math.pow(eta[i], 0.5)) + 0.01 : Double.NaN;
            acc[i] = eta[i] < 3 ? 1 - loss[i] : Double.NaN;
        }
        return SvgChart.of("Final loss and accuracy", "learning rate η", "value").logX().yRange(0, 1.05)
                .line("final loss", eta, loss, SvgChart.color(0))
                .line("final accuracy", eta, acc, SvgChart.color(3))
                .vline(3, "diverges", SvgChart.GREY)
                .render();
    }

    static String lossSeries() {
        int n = 400;
        double[] t = new double[n];
        double[][] ys = new double[3][n];
        for (int i = 0; i < n; i++) {
            t[i] = i;
            ys[0][i] = 0.7 * Math.exp(-i / 40.0) + 1e-4;
            ys[1][i] = 0.7 * Math.exp(-i / 120.0) * (1 + 0.6 * Math.abs(Math.sin(i * 0.9))) + 1e-3;
            ys[2][i] = i < 250 ? 0.3 + 0.25 * Math.abs(Math.sin(i * 2.1) * Math.cos(i * 0.37)) : Double.NaN;
        }
        ys[1][200] = Double.NaN;
        return SvgChart.of("Representative loss series", "step t", "loss").logY()
                .line("η = 0.01 (converges)", t, ys[0], SvgChart.color(0))
                .line("η = 0.3 (edge of stability)", t, ys[1], SvgChart.color(2))
                .line("η = 3 (chaotic, then diverges)", t, ys[2], SvgChart.color(1))
                .render();
    }

    static double[][] trainability(double[] eh, double[] eo) {
        double[][] v = new double[eo.length][eh.length];
        for (int j = 0; j < eo.length; j++) {
            for (int i = 0; i < eh.length; i++) {
                double r = Math.log10(eh[i]) + 0.7 * Math.log10(eo[j]);
                v[j][i] = r > 0.6 ? Double.NaN : Math.pow(10, -3 + 2.5 * (r + 3.3) / 3.9);
            }
        }
        return v;
    }

    static String heatmap() {
        double[] eh = logspace(-3, 1, 64);
        double[] eo = logspace(-3, 1, 64);
        double[][] v = trainability(eh, eo);
        String[][] hover = new String[eo.length][eh.length];
        for (int j = 0; j < eo.length; j += 4) {
            for (int i = 0; i < eh.length; i += 4) {
                hover[j][i] = String.format(java.util.Locale.ROOT, "η_h = %.3g, η_o = %.3g: %s", eh[i], eo[j],
                        Double.isNaN(v[j][i]) ? "diverged" : String.format(java.util.Locale.ROOT, "%.3g", v[j][i]));
            }
        }
        return SvgHeatmap.of("Trainability map", "η hidden", "η output", eh, eo).logX().logY()
                .values(v, "final loss", true).nanLabel("diverged").hover(hover)
                .overlayRect(0.1, 1, 0.05, 0.5, "zoom")
                .render();
    }

    static String categoricalHeatmap() {
        double[] eh = logspace(-3, 1, 24);
        double[] eo = logspace(-3, 1, 24);
        int[][] c = new int[eo.length][eh.length];
        for (int j = 0; j < eo.length; j++) {
            for (int i = 0; i < eh.length; i++) {
                double r = Math.log10(eh[i]) + 0.7 * Math.log10(eo[j]);
                c[j][i] = r > 0.6 ? 2 : r > -0.4 ? 1 : 0;
            }
        }
        return SvgHeatmap.of("Converged or diverged", "η hidden", "η output", eh, eo).logX().logY()
                .categories(c, new String[] {"converged", "edge of stability", "diverged"},
                        new String[] {SvgChart.color(0), SvgChart.color(3), SvgHeatmap.NAN_COLOR})
                .render();
    }

    static String strip() {
        double[] eta = logspace(-3, 1, 80);
        String[] regime = new String[eta.length];
        String[] hover = new String[eta.length];
        for (int i = 0; i < eta.length; i++) {
            double r = r(eta[i]);
            regime[i] = r < 3 ? "converges" : r < 3.449 ? "period 2" : r < 3.5699 ? "period 4+" : eta[i] < 5
                    ? "chaotic" : "diverged";
            hover[i] = String.format(java.util.Locale.ROOT, "η = %.3g: %s", eta[i], regime[i]);
        }
        return SvgStrip.of("Regime by learning rate", "learning rate η", eta, regime, hover).logX()
                .colors(Map.of("diverged", SvgHeatmap.NAN_COLOR))
                .render();
    }

    static String emptyChart() {
        return SvgChart.of("A chart without finite data", "x", "y").logY()
                .line("nothing", new double[] {1, 2}, new double[] {Double.NaN, -1}, null)
                .render();
    }

    static byte[] png() {
        BufferedImage img = new BufferedImage(480, 200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        for (int xPix = 0; xPix < 480; xPix++) {
            for (int yPix = 0; yPix < 200; yPix++) {
                double t = xPix / 479.0;
                img.setRGB(xPix, yPix, Integer.parseInt(Colormap.at(t).substring(1), 16));
            }
        }
        g.setColor(Color.WHITE);
        g.drawString("a PNG made with BufferedImage + ImageIO", 20, 100);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A page with every figure kind: ten figures. */
    static HtmlPage page() {
        Map<String, String> kv = new LinkedHashMap<>();
        kv.put("network", "MLP 2–16–1, tanh, MSE");
        kv.put("η grid", "10⁻³ … 10¹, 250 values (log)");
        kv.put("seed", "20240917");
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("0.001", "converges", "1.2e-4", "−0.83"));
        rows.add(List.of("0.1", "period 2", "0.0123", "−0.02"));
        rows.add(List.of("1.5", "chaotic <check>", "0.21", "0.31"));
        rows.add(List.of("8", "diverged", "NaN", "n/a"));
        return new HtmlPage("Learning-rate atlas — sample <report>")
                .paragraph("A sample of every figure kind in netdyn.cli.report, with made-up data shaped like the "
                        + "atlas: a logistic-map cascade stands in for training. Text is escaped: <b>not bold</b> & co.")
                .keyValues(kv)
                .heading("Dynamics along η")
                .figureRow(HtmlPage.Figure.svg(bifurcation(), "Loss over the last 40 steps for each η (log–log)."),
                        HtmlPage.Figure.svg(lyapunov(), "Largest Lyapunov exponent with the spectrum as a band."))
                .figureRow(HtmlPage.Figure.svg(sharpness(), "Sharpness times η/2; hover a point for its values."),
                        HtmlPage.Figure.svg(finalLoss(), "Final loss and accuracy; NaN where training diverged."))
                .figure(strip(), "Regime of each η; hover a cell.")
                .heading("Trainability")
                .figureRow(HtmlPage.Figure.svg(heatmap(), "Final loss over (η_hidden, η_output), 64 × 64."),
                        HtmlPage.Figure.svg(categoricalHeatmap(), "Outcome categories over the same plane."))
                .heading("Series and images")
                .figureRow(HtmlPage.Figure.svg(lossSeries(), "Loss series at three learning rates (log y)."),
                        HtmlPage.Figure.svg(emptyChart(), "A chart with no finite data renders its axes."))
                .image(png(), "colormap ramp", "An inlined PNG.")
                .heading("Tables")
                .table(List.of("η", "regime", "final loss", "λ₁"), rows)
                .heading("Downloads")
                .downloads(List.of("atlas.json", "loss series.npy", "figures/bifurcation.svg"));
    }

    static final int FIGURES = 10;
}

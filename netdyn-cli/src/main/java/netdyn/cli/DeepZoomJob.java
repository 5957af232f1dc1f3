package netdyn.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import netdyn.BadInputException;
import netdyn.atlas.DeepZoom;
import netdyn.atlas.ZoomWindow;
import netdyn.cli.io.Json;
import netdyn.cli.io.OutputFiles;
import netdyn.cli.io.RunDirectory;
import netdyn.cli.report.ReportPages;
import netdyn.fractal.BoundaryDimension;
import netdyn.sweep.LocalSweep;
import netdyn.sweep.SweepEngine;
import netdyn.sweep.SweepSpec;

/**
 * {@code netdyn sweep … --deep-zoom LEVELS}: the levels of {@link DeepZoom}, each an ordinary sweep directory
 * ({@code level-NN/}) run here or on an engine, then {@code zoom.json}, {@code zoom.csv} and the page.
 */
final class DeepZoomJob {
    /** The manifest's kind: what a directory of deep-zoom levels is, to resume it. */
    static final String KIND = "deep-zoom";

    private DeepZoomJob() {
    }

    /**
     * Runs the zoom into {@code out}.
     *
     * @param engine the engine the levels run on, or null for this machine's {@code threads}
     */
    static int run(SweepSpec first, int levels, double factor, DeepZoom.Target target, Path out, boolean force,
                   Map<String, Object> header, int threads, SweepEngine engine, PrintWriter err, PrintWriter stdout,
                   boolean json) throws IOException {
        long started = System.nanoTime();
        DeepZoom.validate(first, levels, factor); // before the directory is made
        Map<String, Object> manifest = new LinkedHashMap<>(header);
        manifest.put("kind", KIND);
        Map<String, String> settings = new LinkedHashMap<>(first.settings());
        settings.put("deep-zoom", Integer.toString(levels));
        settings.put("zoom-factor", Double.toString(factor));
        settings.put("zoom-target", target.id());
        manifest.put("settings", settings);
        manifest.put("levels", levels);
        manifest.put("factor", factor);
        manifest.put("target", target.id());
        manifest.put("files", Json.ordered(
                "level-NN/", "one sweep per level (a trainability map; see netdyn sweep --help)",
                "zoom.json", "every level's window, box-counting dimension, box counts and the fraction of runs that did not converge",
                "zoom.csv", "the same, one row per level",
                "index.html", "the zoom sequence and the dimension against scale"));
        RunDirectory dir = AtlasWriter.openParent(out, force, manifest, KIND);
        return EarlyEnd.guard(dir, json ? stdout : null,
                "run the same command again to continue (finished levels and tasks are kept)", Map::of, () -> {
            if (!json) {
                err.println("netdyn sweep: deep zoom, " + levels + " levels of " + first.axes().get(0).size() + "×"
                        + first.axes().get(1).size() + " maps, each " + fmt(factor) + "× narrower, centred on the "
                        + (target == DeepZoom.Target.NEAREST ? "boundary nearest the centre" : "densest boundary")
                        + (engine == null ? "" : ", on " + engine.description()) + " → " + out);
            }
            DeepZoom.Result zoom;
            try {
                zoom = DeepZoom.run(first, levels, factor, target, (k, sweep) -> {
                    Path levelDir = out.resolve(DeepZoom.directory(k));
                    String label = "zoom " + (k + 1) + "/" + levels;
                    Map<String, Object> levelHeader = new LinkedHashMap<>(header);
                    try {
                        return (engine == null
                                ? SweepJob.run(LocalSweep.of(sweep), levelDir, false, levelHeader, new int[] {0, 1},
                                        threads, err, null, json, label)
                                : SweepJob.run(sweep, (d, listener) -> engine.run(sweep, d, listener), levelDir, false,
                                        levelHeader, new int[] {0, 1}, err, null, json, label)).result();
                    } catch (IOException e) {
                        throw new LevelFailure(e);
                    }
                });
            } catch (LevelFailure f) {
                throw f.getCause();
            }
            Map<String, Object> summary = summary(zoom, factor, (System.nanoTime() - started) / 1e9);
            Json.write(dir.file("zoom.json"), summary);
            OutputFiles.writeString(dir.file("zoom.csv"), csv(zoom));
            ReportPages.Page page = ReportPages.build(out);
            OutputFiles.writeString(dir.file("index.html"), page.html());
            summary.put("page", dir.file("index.html").toString());
            if (json) {
                summary.put("directory", out.toString());
                stdout.println(Json.write(summary));
            } else {
                printText(stdout, zoom, out);
            }
            return 0;
        });
    }

    /** zoom.json: the levels, why the zoom ended early (if it did), the seconds. */
    static Map<String, Object> summary(DeepZoom.Result zoom, double factor, double seconds) {
        List<Map<String, Object>> levels = new ArrayList<>();
        for (DeepZoom.Level l : zoom.levels()) {
            ZoomWindow w = l.window();
            double[] h = w.hiddenRates();
            double[] o = w.outputRates();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("level", l.index());
            m.put("directory", DeepZoom.directory(l.index()));
            m.put("scale", l.scale());
            m.put("hiddenRates", List.of(h[0], h[h.length - 1]));
            m.put("outputRates", List.of(o[0], o[o.length - 1]));
            m.put("spacing", w.logarithmic() ? "log" : "lin");
            m.put("unconvergedFraction", l.map().unconvergedFraction());
            m.putAll(dimension(l.dimension()));
            levels.add(m);
        }
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("factor", factor);
        s.put("levels", levels);
        s.put("ended", zoom.ended());
        s.put("seconds", seconds);
        return s;
    }

    /** A boundary dimension as JSON: D, R², the median local slope, the box counts, or why it is undefined. */
    static Map<String, Object> dimension(BoundaryDimension d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("boundaryDimension", d.dimension());
        m.put("r2", d.r2());
        m.put("medianLocalSlope", d.medianLocalSlope());
        m.put("boundaryCells", d.boundaryCells());
        m.put("boxSizes", d.boxSizes());
        m.put("boxCounts", d.boxCounts());
        if (!d.defined()) {
            m.put("undefined", d.reason());
        }
        return m;
    }

    private static String csv(DeepZoom.Result zoom) {
        StringBuilder b = new StringBuilder("level,scale,hiddenFrom,hiddenTo,outputFrom,outputTo,boundaryDimension,r2,"
                + "medianLocalSlope,boundaryCells,unconvergedFraction\n");
        for (DeepZoom.Level l : zoom.levels()) {
            double[] h = l.window().hiddenRates();
            double[] o = l.window().outputRates();
            BoundaryDimension d = l.dimension();
            b.append(String.join(",", Integer.toString(l.index()), Double.toString(l.scale()),
                    Double.toString(h[0]), Double.toString(h[h.length - 1]), Double.toString(o[0]),
                    Double.toString(o[o.length - 1]), cell(d.dimension()), cell(d.r2()), cell(d.medianLocalSlope()),
                    Long.toString(d.boundaryCells()), cell(l.map().unconvergedFraction()))).append('\n');
        }
        return b.toString();
    }

    private static String cell(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "";
    }

    private static void printText(PrintWriter out, DeepZoom.Result zoom, Path dir) {
        out.println("deep zoom: " + zoom.levels().size() + " levels");
        for (DeepZoom.Level l : zoom.levels()) {
            BoundaryDimension d = l.dimension();
            out.printf(Locale.ROOT, "  level %2d  width %-8s  D = %s  %s%n", l.index(), fmt(l.scale()),
                    d.defined() ? String.format(Locale.ROOT, "%.3f (R² %.3f, median slope %.3f)", d.dimension(),
                            d.r2(), d.medianLocalSlope()) : "—", d.defined() ? d.boundaryCells() + " boundary cells, "
                            + String.format(Locale.ROOT, "%.0f%% not converged", 100 * l.map().unconvergedFraction())
                            : d.reason());
        }
        if (zoom.ended() != null) {
            out.println("  ended early: " + zoom.ended());
        }
        out.println("  results: " + dir.resolve("zoom.json") + " (also zoom.csv, level-NN/); page: "
                + dir.resolve("index.html"));
    }

    private static String fmt(double v) {
        String s = String.format(Locale.ROOT, "%.3g", v);
        return s.contains(".") && !s.contains("e") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }

    /** Checks the options a deep zoom cannot take, in the command line's words. */
    static void checkOptions(SweepOptions options) {
        if (options.deepZoom < 1) {
            throw new BadInputException("--deep-zoom must be >= 1 (got " + options.deepZoom + ")");
        }
        if (!(options.zoomFactor > 1) || Double.isInfinite(options.zoomFactor)) {
            throw new BadInputException("--zoom-factor must be a finite number > 1 (got " + options.zoomFactor + ")");
        }
        if (options.lrHidden == null && options.preset == null) {
            throw new BadInputException("--deep-zoom needs a trainability map: --lr-hidden and --lr-output ranges, or "
                    + "a --preset");
        }
        if (options.shard != null) {
            throw new BadInputException("--shard: a deep zoom chooses each window from the whole previous map; "
                    + "leave out --shard (use --engine spark to spread the levels' tasks)");
        }
    }

    /** A level's failed write, carried through the core's level runner to be thrown as it was. */
    private static final class LevelFailure extends RuntimeException {
        LevelFailure(IOException cause) {
            super(cause);
        }

        @Override
        public synchronized IOException getCause() {
            return (IOException) super.getCause();
        }
    }
}

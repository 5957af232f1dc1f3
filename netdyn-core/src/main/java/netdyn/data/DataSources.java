package netdyn.data;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static netdyn.BadInputException.mention;

import netdyn.BadInputException;
import netdyn.rng.Seeds;

/**
 * Resolves a data source (a run's {@code DataSpec.source}) to a dataset:
 * <ul>
 *   <li>a bundled name ({@code iris}, {@code wine}, {@code breast-cancer}, {@code digits}),
 *       shuffled with {@link BundledDatasets#SHUFFLE_SEED} because the files are sorted by class;</li>
 *   <li>{@code csv:PATH} and {@code idx:PREFIX}: user files, kept in their row order;</li>
 *   <li>an installed dataset ({@link InstalledDatasets}: {@code fashion-mnist}), its training rows then its
 *       test rows, in file order ({@code DataSpec} keeps its official split);</li>
 *   <li>a synthetic task {@code moons|circles|xor|spirals[:n=200,noise=0.1,seed=0]};</li>
 *   <li>{@code gaussian[:n=272,d=16,outputs=1,seed=0]}: regression on n inputs x ~ N(0, I_d) with targets
 *       y ~ N(0, I_k), all independent (Sohl-Dickstein 2024's task: the network must memorise them); every
 *       row trains unless {@code train} says otherwise.</li>
 * </ul>
 * An explicit {@code shuffle} seed reorders any of them (applied to the file order).
 */
public final class DataSources {
    private DataSources() {
    }

    /**
     * @param source      a bundled name, {@code csv:PATH}, {@code idx:PREFIX} or a synthetic task
     * @param labelColumn the label column of a CSV file (index, negative from the end, or header name), or null
     *                    for the last column
     * @param shuffle     the seed that reorders the rows, or null for the default order
     */
    public static Dataset load(String source, String labelColumn, Long shuffle) {
        if (source == null || source.isBlank()) {
            throw BadInputException.of(DataSources.class, "source", "is empty; " + validForms());
        }
        String s = source.trim();
        if (labelColumn != null && !s.startsWith("csv:")) {
            throw BadInputException.of(DataSources.class, "labelColumn", "applies only to csv: data (got ",
                    mention("source"), " " + source + ")");
        }
        if (s.startsWith("csv:")) {
            Dataset d = CsvLoader.load(Path.of(s.substring(4)), labelColumn);
            return shuffle == null ? d : d.shuffled(shuffle);
        }
        if (s.startsWith("idx:")) {
            Dataset d = IdxLoader.load(s.substring(4));
            return shuffle == null ? d : d.shuffled(shuffle);
        }
        InstalledDatasets installed = InstalledDatasets.byId(s);
        if (installed != null) {
            Dataset.Split official = installed.load();
            Dataset d = official.train().append(official.test());
            return shuffle == null ? d : d.shuffled(shuffle);
        }
        BundledDatasets bundled = BundledDatasets.byId(s);
        if (bundled != null) {
            return bundled.load().shuffled(shuffle == null ? BundledDatasets.SHUFFLE_SEED : shuffle);
        }
        String name = s.contains(":") ? s.substring(0, s.indexOf(':')) : s;
        if (name.equals(GAUSSIAN)) {
            Dataset d = gaussian(source, parseParams(source, s.contains(":") ? s.substring(s.indexOf(':') + 1) : ""));
            return shuffle == null ? d : d.shuffled(shuffle);
        }
        SyntheticTask task = SyntheticTask.byId(name);
        if (task == null) {
            throw BadInputException.of(DataSources.class, "source", ": unknown dataset '" + source + "'; "
                    + validForms());
        }
        Map<String, String> params = parseParams(source, s.contains(":") ? s.substring(s.indexOf(':') + 1) : "");
        int n = (int) number(source, params, "n", 200);
        double noise = number(source, params, "noise", 0.1);
        long seed = (long) number(source, params, "seed", 0);
        if (!params.isEmpty()) {
            throw BadInputException.of(DataSources.class, "source", source + ": unknown parameter '"
                    + params.keySet().iterator().next() + "' (valid: n, noise, seed)");
        }
        if (n < 4) {
            throw BadInputException.of(DataSources.class, "source", source + ": n must be at least 4 (got " + n + ")");
        }
        if (!(noise >= 0) || Double.isInfinite(noise)) {
            throw BadInputException.of(DataSources.class, "source", source + ": noise must be a finite number >= 0 "
                    + "(got " + noise + ")");
        }
        Dataset d = task.generate(n, noise, Seeds.generator(seed, "synthetic"));
        return shuffle == null ? d : d.shuffled(shuffle);
    }

    /** The default training-set size: 80 % of the rows, rounded (Iris: 120 of 150). */
    public static int defaultTrainSize(int rows) {
        return Math.max(1, Math.min(rows, (int) Math.round(0.8 * rows)));
    }

    /** The default training-set size of {@code source}: every row of a gaussian task, else 80 %. */
    public static int defaultTrainSize(String source, int rows) {
        String s = source.trim();
        return s.equals(GAUSSIAN) || s.startsWith(GAUSSIAN + ":") ? rows : defaultTrainSize(rows);
    }

    /** The random regression task's name. */
    public static final String GAUSSIAN = "gaussian";

    /**
     * The gaussian task: x_i ~ N(0, I_d), then y_i ~ N(0, I_k), from {@code Seeds.generator(seed, "gaussian")}
     * (all inputs first, row by row, then all targets).
     */
    private static Dataset gaussian(String source, Map<String, String> params) {
        double n = number(source, params, "n", 272);
        double d = number(source, params, "d", 16);
        double k = number(source, params, "outputs", 1);
        double seed = number(source, params, "seed", 0);
        if (!params.isEmpty()) {
            throw BadInputException.of(DataSources.class, "source", source + ": unknown parameter '"
                    + params.keySet().iterator().next() + "' (valid: n, d, outputs, seed)");
        }
        for (double[] v : new double[][] {{n, 1}, {d, 1}, {k, 1}}) {
            if (v[0] != Math.rint(v[0]) || v[0] < v[1] || v[0] > 10_000_000) {
                throw BadInputException.of(DataSources.class, "source", source + ": n, d and outputs must be whole "
                        + "numbers >= 1 (got n=" + n + ", d=" + d + ", outputs=" + k + ")");
            }
        }
        if (seed != Math.rint(seed)) {
            throw BadInputException.of(DataSources.class, "source", source + ": seed must be a whole number (got "
                    + seed + ")");
        }
        int rows = (int) n;
        int dims = (int) d;
        int outs = (int) k;
        netdyn.rng.SplitMix64 rng = Seeds.generator((long) seed, "gaussian");
        double[][] x = new double[rows][dims];
        for (double[] row : x) {
            for (int i = 0; i < dims; i++) {
                row[i] = rng.nextGaussian();
            }
        }
        double[][] y = new double[rows][outs];
        for (double[] row : y) {
            for (int i = 0; i < outs; i++) {
                row[i] = rng.nextGaussian();
            }
        }
        java.util.List<String> names = java.util.stream.IntStream.range(0, dims).mapToObj(i -> "x" + i).toList();
        return Dataset.regression(source.trim(), x, y, names);
    }

    public static String validForms() {
        return "valid: " + String.join(", ", BundledDatasets.ids()) + ", "
                + String.join(", ", InstalledDatasets.ids()) + ", csv:PATH, idx:PREFIX, "
                + String.join(", ", SyntheticTask.ids()) + " (synthetic, e.g. moons:n=200,noise=0.1,seed=0), "
                + "gaussian:n=272,d=16,outputs=1,seed=0 (random regression)";
    }

    private static Map<String, String> parseParams(String source, String text) {
        Map<String, String> params = new LinkedHashMap<>();
        if (text.isBlank()) {
            return params;
        }
        for (String part : text.split(",")) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw BadInputException.of(DataSources.class, "source", source + ": expected name=value, got '"
                        + part + "'");
            }
            params.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
        }
        return params;
    }

    private static double number(String source, Map<String, String> params, String key, double fallback) {
        String v = params.remove(key);
        if (v == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw BadInputException.of(DataSources.class, "source", source + ": " + key + "=" + v + " is not a number");
        }
    }
}

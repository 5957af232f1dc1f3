package netdyn.cli;

import java.util.Locale;

/**
 * What the command has loaded, for the one line an {@link OutOfMemoryError} ends with: {@code netdyn: out of
 * memory after loading idx:mnist/train (60000 samples × 784 features = 376 MB); …}. The commands record the
 * data they load here ({@link #loading}, {@link #loaded}); {@link Main} prints {@link #message}.
 */
final class HeapReport {
    private static volatile String source;
    private static volatile long rows = -1;
    private static volatile boolean done;
    private static volatile int features;

    private HeapReport() {
    }

    /** The command starts loading {@code data} (a --data value). */
    static void loading(String data) {
        source = data;
        rows = -1;
        done = false;
    }

    /**
     * The command loaded {@code data}: {@code sampleCount} samples (train and test; negative when not known) of
     * {@code featureCount} features.
     */
    static void loaded(String data, long sampleCount, int featureCount) {
        source = data;
        features = featureCount;
        rows = sampleCount;
        done = true;
    }

    /** Forgets the data (the next command in this JVM starts afresh). */
    static void reset() {
        source = null;
        rows = -1;
        done = false;
    }

    /** The line after an out-of-memory error, without the "netdyn: " prefix. */
    static String message() {
        long max = Runtime.getRuntime().maxMemory();
        String where = source == null ? "" : !done ? " while loading " + source : rows < 0 ? " after loading " + source
                : String.format(Locale.ROOT, " after loading %s (%d samples × %d features = %.0f MB)", source, rows,
                        features, rows * (double) features * 8 / 1e6);
        long suggestGb = Math.max(2, (long) Math.ceil(2.0 * max / (1L << 30)));
        String limit = max < 1L << 30 ? (max >> 20) + " MB" : String.format(Locale.ROOT, "%.1f GB",
                max / (double) (1L << 30));
        return String.format(Locale.ROOT, "out of memory%s; the JVM's heap is limited to %s: give it more with "
                + "NETDYN_JAVA_OPTS=-Xmx%dg (README: \"Large networks\" lists what a run needs)", where, limit,
                suggestGb);
    }
}

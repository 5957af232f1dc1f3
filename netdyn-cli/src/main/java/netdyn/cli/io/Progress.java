package netdyn.cli.io;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Progress of long work on stderr: a line rewritten in place on a terminal, a plain line every
 * ten seconds otherwise; silent for work that ends within two seconds. Every update is also a step
 * (task) boundary where SIGINT/SIGTERM stop the work ({@link Interrupts}): from the first progress
 * line on, a signal waits for the next update instead of ending the process mid-write.
 */
public final class Progress {
    private static final long FIRST_NS = 2_000_000_000L;
    private final PrintWriter err;
    private final String what;
    private final String valueName;
    private final long total;
    private final String unit;
    private final int maxStride;
    /** The clock is read every {@code stride}-th call: 1 at first, doubled up to maxStride while calls are fast. */
    private int stride = 1;
    private long lastClock;
    private final boolean terminal;
    private final LongSupplier clock;
    private final long start;
    private long nextReport;
    private boolean shown;
    private long calls;

    /** @param valueName what the number passed to {@link #update} is ("loss", "λ1", ...), null for none */
    public Progress(PrintWriter err, String what, String valueName, long total, boolean quiet) {
        this(err, what, "step", valueName, total, quiet, 64);
    }

    /**
     * @param unit        what is counted ("step", "task")
     * @param sampleEvery read the clock on at most every n-th call (a power of two; 64 for training steps that
     *                    take microseconds, 1 for sweep tasks). The stride starts at 1 and doubles only while
     *                    the calls between two clock readings take under a millisecond, so steps of a
     *                    second (a 784–64–10 network on 60 000 samples) are reported step by step.
     */
    public Progress(PrintWriter err, String what, String unit, String valueName, long total, boolean quiet,
             int sampleEvery) {
        this(err, what, unit, valueName, total, quiet, sampleEvery, System::nanoTime);
    }

    /** As above, reading the time in nanoseconds from {@code clock} (a test's). */
    Progress(PrintWriter err, String what, String unit, String valueName, long total, boolean quiet,
             int sampleEvery, LongSupplier clock) {
        this.clock = clock;
        this.start = clock.getAsLong();
        this.err = err;
        this.unit = unit;
        if (sampleEvery < 1 || Integer.bitCount(sampleEvery) != 1) {
            throw new IllegalArgumentException("sampleEvery must be a power of two (got " + sampleEvery + ")");
        }
        this.maxStride = sampleEvery;
        this.lastClock = start;
        this.what = what;
        this.valueName = valueName;
        this.total = total;
        this.terminal = System.console() != null && !quiet;
        this.nextReport = quiet && System.console() != null ? Long.MAX_VALUE : start + FIRST_NS;
        Interrupts.deferToCheckpoints();
    }

    /**
     * @param done steps (tasks) completed and written so far; throws {@link Interrupts.Stopped} here when a
     *             signal asked to stop
     */
    public void update(long done, double value) {
        update(done, value, Double.NaN);
    }

    /**
     * As {@link #update(long, double)}, with the share of the work done when it is known better than by
     * {@code done / total}: a sweep counts finished tasks, but its tasks report their steps as they go.
     *
     * @param fraction in [0, 1], or NaN for {@code done / total}
     */
    public void update(long done, double value, double fraction) {
        Interrupts.checkpoint(unit, done, total);
        // read the clock on every stride-th call only: train calls this once per 7 µs step on Iris
        if ((++calls & (stride - 1)) != 0) {
            return;
        }
        long now = clock.getAsLong();
        long since = now - lastClock;
        lastClock = now;
        if (since < 1_000_000L && stride < maxStride) {
            stride <<= 1;
        } else if (since > 100_000_000L && stride > 1) {
            stride >>= 1;
        }
        if (now < nextReport) {
            return;
        }
        double elapsed = (now - start) / 1e9;
        double share = Double.isNaN(fraction) ? (double) done / Math.max(1, total)
                : Math.max((double) done / Math.max(1, total), Math.min(1, fraction));
        double eta = share <= 0 ? Double.NaN : elapsed * (1 - share) / share;
        String line = String.format(Locale.ROOT, "netdyn %s: %s %d/%d (%.0f%%)%s, %s left", what, unit, done, total,
                100.0 * share, valueName == null ? "" : String.format(Locale.ROOT, ", %s %.6g",
                        valueName, value),
                duration(eta));
        if (terminal) {
            int filled = (int) Math.min(24, 24 * share);
            err.print("\r[" + "#".repeat(filled) + ".".repeat(24 - filled) + "] " + line + "   ");
            nextReport = now + 200_000_000L;
        } else {
            err.println(line);
            nextReport = now + 10_000_000_000L;
        }
        err.flush();
        shown = true;
    }

    private static String duration(double seconds) {
        if (!Double.isFinite(seconds)) {
            return "? s";
        }
        long s = Math.round(seconds);
        return s < 120 ? s + " s" : s < 7200 ? (s / 60) + " min " + (s % 60) + " s" : (s / 3600) + " h " + (s % 3600 / 60)
                + " min";
    }

    public void done() {
        if (shown && terminal) {
            err.println();
        }
    }
}

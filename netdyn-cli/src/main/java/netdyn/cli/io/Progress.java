package netdyn.cli.io;

import java.io.PrintWriter;
import java.util.Locale;

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
    private final int sampleMask;
    private final boolean terminal;
    private final long start = System.nanoTime();
    private long nextReport;
    private boolean shown;
    private long calls;

    /** @param valueName what the number passed to {@link #update} is ("loss", "λ1", ...), null for none */
    public Progress(PrintWriter err, String what, String valueName, long total, boolean quiet) {
        this(err, what, "step", valueName, total, quiet, 64);
    }

    /**
     * @param unit        what is counted ("step", "task")
     * @param sampleEvery read the clock on every n-th call only (a power of two; 64 for training steps that
     *                    take microseconds, 1 for sweep tasks)
     */
    public Progress(PrintWriter err, String what, String unit, String valueName, long total, boolean quiet,
             int sampleEvery) {
        this.err = err;
        this.unit = unit;
        this.sampleMask = sampleEvery - 1;
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
        Interrupts.checkpoint(unit, done, total);
        // read the clock on every 64th call only: train calls this once per 7 µs step
        if ((++calls & sampleMask) != 0) {
            return;
        }
        long now = System.nanoTime();
        if (now < nextReport) {
            return;
        }
        double elapsed = (now - start) / 1e9;
        double eta = done == 0 ? Double.NaN : elapsed * (total - done) / done;
        String line = String.format(Locale.ROOT, "netdyn %s: %s %d/%d (%.0f%%)%s, %s left", what, unit, done, total,
                100.0 * done / total, valueName == null ? "" : String.format(Locale.ROOT, ", %s %.6g",
                        valueName, value),
                duration(eta));
        if (terminal) {
            int filled = (int) (24L * done / Math.max(1, total));
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

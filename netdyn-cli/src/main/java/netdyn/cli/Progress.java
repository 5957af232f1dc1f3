package netdyn.cli;

import java.io.PrintWriter;

/**
 * Progress of long work on stderr: a line rewritten in place on a terminal, a plain line every
 * ten seconds otherwise; silent for work that ends within two seconds.
 */
final class Progress {
    private static final long FIRST_NS = 2_000_000_000L;
    private final PrintWriter err;
    private final String what;
    private final String valueName;
    private final long total;
    private final boolean terminal;
    private final long start = System.nanoTime();
    private long nextReport;
    private boolean shown;
    private long calls;

    /** @param valueName what the number passed to {@link #update} is ("loss", "λ1", ...), null for none */
    Progress(PrintWriter err, String what, String valueName, long total, boolean quiet) {
        this.err = err;
        this.what = what;
        this.valueName = valueName;
        this.total = total;
        this.terminal = System.console() != null && !quiet;
        this.nextReport = quiet && System.console() != null ? Long.MAX_VALUE : start + FIRST_NS;
    }

    void update(long done, double value) {
        // read the clock on every 64th call only: train calls this once per 7 µs step
        if ((++calls & 63) != 0) {
            return;
        }
        long now = System.nanoTime();
        if (now < nextReport) {
            return;
        }
        double elapsed = (now - start) / 1e9;
        double eta = done == 0 ? Double.NaN : elapsed * (total - done) / done;
        String line = String.format("netdyn %s: step %d/%d (%.0f%%)%s, %.0f s left", what, done, total,
                100.0 * done / total, valueName == null ? "" : String.format(", %s %.6g", valueName, value), eta);
        if (terminal) {
            err.print("\r" + line + "   ");
            nextReport = now + 200_000_000L;
        } else {
            err.println(line);
            nextReport = now + 10_000_000_000L;
        }
        err.flush();
        shown = true;
    }

    void done() {
        if (shown && terminal) {
            err.println();
        }
    }
}

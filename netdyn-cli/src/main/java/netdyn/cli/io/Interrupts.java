package netdyn.cli.io;

import java.io.PrintStream;

/**
 * SIGINT and SIGTERM as requests to stop. While a long command runs (from its first {@link Progress}
 * on), a signal only sets a flag: the command stops at its next step or task boundary, where
 * {@link Progress#update} throws {@link Stopped}, keeps everything it wrote, records why, and exits
 * 130 (INT) or 143 (TERM). Outside such work, and at a second signal, the process ends at once with
 * the same codes, as the JVM's own handler would.
 */
public final class Interrupts {
    private static volatile String pending;
    private static volatile boolean deferred;

    private Interrupts() {
    }

    /** Takes over SIGINT and SIGTERM (called once, by {@link Main#main}); a signal ignored at start stays ignored. */
    public static void install() {
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), Interrupts::received);
            } catch (IllegalArgumentException e) {
                // ignored by the parent (nohup, a background job) or reserved: keep what the JVM does
            }
        }
    }

    private static void received(sun.misc.Signal signal) {
        int code = exitCode(signal.getName());
        if (!deferred || pending != null) {
            System.exit(code);
        }
        pending = signal.getName();
        PrintStream err = System.err;
        err.println();
        err.println("netdyn: SIG" + signal.getName() + " received: stopping at the next step boundary and keeping "
                + "what was written (send it again to stop at once)");
        err.flush();
    }

    /** From now until {@link #reset}, a signal stops the work at its next {@link #checkpoint}. */
    static void deferToCheckpoints() {
        deferred = true;
    }

    /**
     * A step or task boundary: throws {@link Stopped} when a stop was requested.
     *
     * @param unit  what {@code done} counts ("step", "task")
     */
    public static void checkpoint(String unit, long done, long total) {
        String signal = pending;
        if (signal != null) {
            throw new Stopped(signal, unit, done, total);
        }
    }

    public static boolean stopRequested() {
        return pending != null;
    }

    /** As a signal would (in-process tests). */
    public static void request(String signal) {
        deferred = true;
        pending = signal;
    }

    /** Back to the start state: called when a command line has run. */
    public static void reset() {
        pending = null;
        deferred = false;
    }

    public static int exitCode(String signal) {
        return "INT".equals(signal) ? 130 : 143;
    }

    /** A long command stopped by a signal at a step or task boundary: a result, not a failure. */
    public static final class Stopped extends RuntimeException {
        private final String signal;
        private final String unit;
        private final long done;
        private final long total;
        private String kept;

        Stopped(String signal, String unit, long done, long total) {
            super("interrupted by SIG" + signal + " at " + unit + " " + done + " of " + total, null, false, false);
            this.signal = signal;
            this.unit = unit;
            this.done = done;
            this.total = total;
        }

        public String signal() {
            return "SIG" + signal;
        }

        public String unit() {
            return unit;
        }

        /** Steps (tasks) completed and recorded before the stop. */
        public long done() {
            return done;
        }

        public long total() {
            return total;
        }

        public int exitCode() {
            return Interrupts.exitCode(signal);
        }

        /** Where the work so far is and how to go on (set once, by the innermost command that wrote it). */
        public void keep(String where) {
            if (kept == null) {
                kept = where;
            }
        }

        /** The line to print: how it stopped, and what was kept. */
        public String line() {
            return getMessage() + (kept == null ? "" : "; " + kept);
        }
    }
}

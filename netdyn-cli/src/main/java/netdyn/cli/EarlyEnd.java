package netdyn.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileSystemException;
import java.util.LinkedHashMap;
import java.util.Map;

import netdyn.BadInputException;
import netdyn.cli.io.Interrupts;
import netdyn.cli.io.Json;
import netdyn.cli.io.OutputFiles;
import netdyn.cli.io.RunDirectory;

/**
 * A long command that ends before its end still leaves a directory that says so. Stopped by a signal at
 * a step (task) boundary, summary.json gets {@code "status": "interrupted"} with the signal and where it
 * stopped; after a failure (a write that failed, say), {@code "status": "failed"} with the error, where
 * summary.json can still be written. Files written before stay complete and loadable: the command's own
 * try-with-resources closes them first. {@link Main} prints the line and maps the exit code.
 */
final class EarlyEnd {
    /** The work of a command, from its first write to its last. */
    interface Body<T> {
        T call() throws IOException;
    }

    /** What a command that ends early still knows (last estimates, series kept in memory); may write files. */
    interface Partial {
        Map<String, Object> finish() throws IOException;
    }

    private EarlyEnd() {
    }

    /**
     * Runs {@code body}, recording an early end in {@code dir}.
     *
     * @param dir    the run directory, or null when the command writes none
     * @param out    stdout when the command prints JSON (the interrupted summary goes there too), else null
     * @param resume how to go on, e.g. "run the same command again to continue"; null when starting over
     */
    static <T> T guard(RunDirectory dir, PrintWriter out, String resume, Partial partial, Body<T> body)
            throws IOException {
        try {
            return body.call();
        } catch (Interrupts.Stopped s) {
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("status", "interrupted");
            summary.put("signal", s.signal());
            summary.put("unit", s.unit());
            summary.put("stoppedAt", s.done());
            summary.put("total", s.total());
            summary.putAll(partial.finish());
            if (dir != null) {
                summary.put("out", dir.path().toString());
                Json.write(dir.file("summary.json"), summary);
            }
            if (out != null) {
                out.println(Json.write(summary));
            }
            s.keep(dir == null ? null : "what was written is in " + dir.path() + " (summary.json: status interrupted)"
                    + (resume == null ? "" : "; " + resume));
            throw s;
        } catch (IOException | RuntimeException e) {
            if (dir != null && !(e instanceof BadInputException)) {
                Map<String, Object> summary = new LinkedHashMap<>();
                summary.put("status", "failed");
                summary.put("error", describe(e));
                try {
                    summary.putAll(partial.finish());
                } catch (IOException | RuntimeException ignored) {
                    // what could not be kept is left out; the error says why
                }
                summary.put("out", dir.path().toString());
                try {
                    Json.write(dir.file("summary.json"), summary);
                } catch (IOException | RuntimeException ignored) {
                    // the directory itself cannot be written: the error line says why
                }
            }
            throw e;
        } catch (OutOfMemoryError e) {
            // what the failed allocation would have held is free again: enough for a small summary
            if (dir != null) {
                try {
                    Map<String, Object> summary = new LinkedHashMap<>();
                    summary.put("status", "failed");
                    summary.put("error", HeapReport.message());
                    summary.put("maxHeapBytes", Runtime.getRuntime().maxMemory());
                    summary.put("out", dir.path().toString());
                    Json.write(dir.file("summary.json"), summary);
                } catch (IOException | RuntimeException | OutOfMemoryError ignored) {
                    // the error line still says what happened
                }
            }
            throw e;
        }
    }

    /** The one-line description of a failure: the file and cause for a write, else the exception. */
    static String describe(Throwable e) {
        FileSystemException f = writeFailure(e);
        return f != null ? OutputFiles.describe(f) : String.valueOf(e);
    }

    /** The failed write behind {@code e}, if any. */
    static FileSystemException writeFailure(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof FileSystemException f) {
                return f;
            }
        }
        return null;
    }
}

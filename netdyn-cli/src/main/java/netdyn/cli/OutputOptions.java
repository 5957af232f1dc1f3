package netdyn.cli;

import java.io.IOException;
import java.io.PrintWriter;

import java.nio.file.Path;

import netdyn.cli.io.OutputFiles;
import netdyn.cli.report.ReportPages;
import picocli.CommandLine.Option;

/** Where a command writes, and how it reports. */
public final class OutputOptions {

    @Option(names = "--out", paramLabel = "DIR",
            description = "Run directory to write (default: out/COMMAND-YYYYMMDD-HHMMSS).")
    Path out;

    @Option(names = "--force", description = "Replace an existing run directory (one holding manifest.json).")
    boolean force;

    @Option(names = "--json", description = "Print the summary as one JSON object on stdout, nothing else there.")
    boolean json;

    @Option(names = "--report", description = "Also write the run's report page (index.html in the run directory) "
            + "when the run ends, and name it.")
    boolean report;

    /**
     * With {@code --report}: the page of {@code dir} (as {@code netdyn report DIR} writes it) and a line naming
     * it, on {@code out}, or on {@code err} under {@code --json} (stdout holds the JSON alone).
     */
    void writeReport(Path dir, PrintWriter out, PrintWriter err) throws IOException {
        if (!report || dir == null) {
            return;
        }
        ReportPages.Page page = ReportPages.build(dir);
        Path index = dir.resolve("index.html");
        OutputFiles.writeString(index, page.html());
        (json ? err : out).println("report: " + index + " (" + page.kind() + ", " + page.figures()
                + (page.figures() == 1 ? " figure)" : " figures)"));
    }

    /** Whether the command must write a run directory: asked for by --out, or needed by --report. */
    boolean writesDirectory() {
        return out != null || report;
    }


    Path outOrDefault(String command) {
        if (out != null) {
            return out;
        }
        String stamp = java.time.LocalDateTime.now().format(java.time.format.DateTimeFormatter.ofPattern(
                "yyyyMMdd-HHmmss"));
        return Path.of("out", command + "-" + stamp);
    }
}

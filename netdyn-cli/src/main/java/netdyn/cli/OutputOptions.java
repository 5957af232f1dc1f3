package netdyn.cli;

import java.nio.file.Path;

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


    Path outOrDefault(String command) {
        if (out != null) {
            return out;
        }
        String stamp = java.time.LocalDateTime.now().format(java.time.format.DateTimeFormatter.ofPattern(
                "yyyyMMdd-HHmmss"));
        return Path.of("out", command + "-" + stamp);
    }
}

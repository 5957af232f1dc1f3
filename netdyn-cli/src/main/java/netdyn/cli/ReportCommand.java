package netdyn.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import netdyn.cli.io.Json;
import netdyn.cli.io.OutputFiles;
import netdyn.cli.report.ReportPages;

/** {@code netdyn report DIR}: a self-contained index.html for a run, divergence, sweep or atlas directory. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write DIR/index.html: figures (SVG, or the run's PNGs inlined), tables and links to the data "
                + "files. Needs no network access to view.",
        footer = {"", "Examples:", "  ./netdyn report out/atlas", "  ./netdyn report out/lr-sweep",
                "  ./netdyn report out/train-20261129-101500"})
final class ReportCommand implements Callable<Integer> {
    @Parameters(paramLabel = "DIR", description = "A netdyn output directory.")
    Path dir;

    @Option(names = "--json", description = "Print {\"page\": PATH, \"figures\": N} on stdout.")
    boolean json;


    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Override
    public Integer call() throws IOException {
        ReportPages.Page page = ReportPages.build(dir);
        Path file = dir.resolve("index.html");
        OutputFiles.writeString(file, page.html());
        PrintWriter out = command.commandLine().getOut();
        if (json) {
            out.println(Json.write(Json.ordered("page", file.toString(), "kind", page.kind(), "figures",
                    page.figures())));
        } else {
            out.println("report: " + file.toAbsolutePath() + " (" + page.kind() + ", " + page.figures()
                    + " figures); open it in a browser");
        }
        return 0;
    }
}

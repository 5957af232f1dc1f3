package netdyn.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import netdyn.BadInputException;
import netdyn.atlas.DeepZoom;
import netdyn.cli.io.Json;
import netdyn.cli.io.RunDirectory;
import netdyn.cli.report.ReportPages;
import netdyn.sweep.LocalSweep;
import netdyn.sweep.SweepEngine;
import netdyn.sweep.ResultStore;
import netdyn.sweep.SweepSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code netdyn sweep}: a grid of training runs, measured, in parallel, resumable, shardable. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = "Run a grid of training tasks (learning rates, and optionally widths, activations, init σ, "
                + "datasets, seeds) in parallel and measure each. Resumable: run the same command again after an "
                + "interruption and only unfinished tasks run.",
        footer = {"", "Examples:", "  ./netdyn sweep --lr 0.001:20:log:40 --inits 3 --steps 2000 --out out/lr-sweep",
                "  ./netdyn sweep --lr-hidden 0.1:100:log:48 --lr-output 0.1:100:log:48 --inits 1 --steps 500 "
                        + "--measure loss --out out/trainability",
                "  ./netdyn sweep --lr 0.01,1,5 --shard 1/2 --out out/s1   (then --shard 2/2 --out out/s2)",
                "  ./netdyn sweep --merge out/s1 out/s2 --out out/merged",
                "  ./netdyn sweep --preset sohl-dickstein-tanh --deep-zoom 11 --out out/fractal-tanh",
                "  ./netdyn sweep --optimizer adam --lr 0.001:0.1:log:5 --measure loss,sharpness --out out/adam",
                "", "Files: manifest.json, store.jsonl, results.csv, results.jsonl, loss_tail.npy, spectrum.npy, "
                + "tasks/task-NNNNNN-{loss,distance}.npy, summary.json."})
final class SweepCommand implements Callable<Integer> {
    @Spec
    CommandSpec command;

    @Mixin
    NetworkOptions network;

    @Mixin
    OutputOptions output;

    @Mixin
    SweepOptions options;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = command.commandLine().getErr();
        long started = System.nanoTime();
        Path outDir = output.outOrDefault("sweep");
        if (options.merge != null) {
            return merge(outDir, started);
        }
        if (network.initFrom != null) {
            throw new BadInputException("--init-from: a sweep draws its own initialisations (--inits, --seed)");
        }
        if (options.deepZoom != null) {
            DeepZoomJob.checkOptions(options);
            if (!command.commandLine().getParseResult().hasMatchedOption("--inits")) {
                options.inits = 1; // a map's cell is one run
            }
        }
        SweepSpec spec = options.preset != null ? options.presetSpec(network, command.commandLine().getParseResult())
                : options.spec(network);
        int[] shard = options.shard();
        int threads = options.threadCount();
        String engineName = options.engine.trim();
        if (!engineName.equals("local") && !engineName.equals("spark")) {
            throw new BadInputException("--engine must be local or spark (got '" + engineName + "')");
        }
        if (engineName.equals("spark") && shard[1] != 1) {
            throw new BadInputException("--shard: a sweep on --engine spark runs every task (the cluster shares "
                    + "them out); leave out --shard");
        }
        HeapReport.loading(network.data); // a sweep's grid may hold several data sets: the base one is named
        LocalSweep checked = LocalSweep.of(spec); // loads the data
        HeapReport.loaded(network.data, -1, 0);
        if (options.deepZoom != null) {
            PrintWriter out = command.commandLine().getOut();
            Map<String, Object> header = RunDirectory.manifestHeader("sweep", command);
            DeepZoom.Target target = DeepZoom.Target.parse(options.zoomTarget);
            if (engineName.equals("spark")) {
                try (SweepEngine engine = SweepEngine.open("spark", options.master == null ? null
                        : options.master.trim())) {
                    return DeepZoomJob.run(spec, options.deepZoom, options.zoomFactor, target, outDir, output.force,
                            header, threads, engine, err, out, output.json);
                }
            }
            return DeepZoomJob.run(spec, options.deepZoom, options.zoomFactor, target, outDir, output.force, header,
                    threads, null, err, out, output.json);
        }
        SweepJob.Outcome outcome;
        if (engineName.equals("spark")) {
            try (SweepEngine engine = SweepEngine.open("spark", options.master == null ? null
                    : options.master.trim())) {
                if (!output.json) {
                    err.println("netdyn sweep: on " + engine.description());
                }
                outcome = SweepJob.run(spec, (dir, listener) -> engine.run(spec, dir, listener), outDir, output.force,
                        RunDirectory.manifestHeader("sweep", command), shard, err,
                        output.json ? command.commandLine().getOut() : null, output.json, "sweep");
            }
        } else {
            outcome = SweepJob.run(checked, outDir, output.force, RunDirectory.manifestHeader("sweep", command),
                    shard, threads, err, output.json ? command.commandLine().getOut() : null, output.json, "sweep");
        }
        print(outDir, outcome.summary());
        output.writeReport(outDir, command.commandLine().getOut(), err);
        return 0;
    }

    private int merge(Path outDir, long started) throws IOException {
        List<ResultStore.Snapshot> sources = SweepWriter.readForMerge(options.merge);
        Path first = options.merge.get(0);
        Map<String, Object> manifest = ReportPages.readJson(first.resolve("manifest.json"));
        if (manifest == null) {
            throw new BadInputException("--merge " + first + ": not a sweep directory (no manifest.json)");
        }
        manifest.put("commandLine", RunDirectory.manifestHeader("sweep", command).get("commandLine"));
        manifest.put("shard", "merged from " + options.merge);
        int tasks = ((Number) manifest.get("tasks")).intValue();
        RunDirectory dir = SweepWriter.open(outDir, output.force, manifest);
        Map<String, Object> summary;
        try (ResultStore store = ResultStore.open(dir.file(ResultStore.FILE), sources.get(0).settings())) {
            int added = SweepWriter.merge(options.merge, sources, dir, store);
            summary = SweepWriter.export(dir, store.lines(), store.rows(), tasks, added,
                    (System.nanoTime() - started) / 1e9);
        }
        print(dir.path(), summary);
        output.writeReport(dir.path(), command.commandLine().getOut(), command.commandLine().getErr());
        return 0;
    }

    private void print(Path dir, Map<String, Object> summary) {
        PrintWriter out = command.commandLine().getOut();
        if (output.json) {
            summary.put("directory", dir.toString());
            out.println(Json.write(summary));
        } else {
            SweepWriter.printText(out, dir, summary);
        }
    }
}

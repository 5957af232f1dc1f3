package netdyn.atlas;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import netdyn.sweep.LocalSweep;
import netdyn.sweep.ResultRows;
import netdyn.sweep.SweepResult;
import netdyn.sweep.SweepSpec;

/**
 * Runs an atlas: its parts in order ({@link AtlasPreset#parts}; the study's four: the zoom inside the window
 * the map's results decide), then the findings. Each part is a resumable sweep, so an atlas run again continues where it
 * stopped and recomputes nothing.
 *
 * <pre>{@code
 * AtlasResult atlas = Atlas.run(AtlasPlan.of(RunSpec.study(1, 1), AtlasQuality.QUICK), Path.of("out/atlas"));
 * double onset = atlas.findings().onsetOfChaos();
 * }</pre>
 */
public final class Atlas {
    /** Runs one part's sweep to its end (or until stopped) and returns where it stands. */
    @FunctionalInterface
    public interface PartRunner {
        SweepResult run(AtlasPart part, SweepSpec sweep);
    }

    private Atlas() {
    }

    /** Runs the atlas into {@code dir} on every core: each part in its sub-directory ({@link AtlasPart#directory}). */
    public static AtlasResult run(AtlasPlan plan, Path dir) {
        return run(plan, dir, LocalSweep.Options.defaults());
    }

    /**
     * Runs the atlas into {@code dir}, each part with {@code options} (threads, listener) in its
     * sub-directory; every task of every part runs, so the options' shard must be the whole (0 of 1).
     */
    public static AtlasResult run(AtlasPlan plan, Path dir, LocalSweep.Options options) {
        if (options.shards() != 1) {
            // misuse from Java (the command has no shards): the zoom is chosen from the whole map
            throw new IllegalArgumentException("an atlas runs every task: options.shards() must be 1 (got "
                    + options.shards() + ")");
        }
        return run(plan, (part, sweep) -> LocalSweep.of(sweep).run(dir.resolve(part.directory()), options));
    }

    /**
     * Runs the parts with {@code parts}, in order; stops after a part that was stopped (the result then has
     * no findings).
     */
    public static AtlasResult run(AtlasPlan plan, PartRunner parts) {
        Map<AtlasPart, SweepResult> done = new EnumMap<>(AtlasPart.class);
        for (AtlasPart part : plan.parts()) {
            if (part != AtlasPart.ZOOM && runPart(parts, part, plan.sweep(part), done)) {
                return new AtlasResult(done, null);
            }
        }
        List<Map<String, Object>> lr = done.get(AtlasPart.LEARNING_RATES).rows();
        LearningRateGroups groups = LearningRateGroups.of(lr);
        if (!plan.parts().contains(AtlasPart.MAP)) {
            return new AtlasResult(done, new AtlasFindings(groups, ResultRows.regimeLabels(lr),
                    LearningRateGroups.onsetOfChaos(groups, done.get(AtlasPart.SPECTRA).rows()), null, null, null));
        }
        TrainabilityMap map = TrainabilityMap.of(done.get(AtlasPart.MAP).rows());
        BoundaryWindow window = map.boundaryWindow();
        if (runPart(parts, AtlasPart.ZOOM, plan.zoomSweep(window), done)) {
            return new AtlasResult(done, null);
        }
        return new AtlasResult(done, new AtlasFindings(groups, ResultRows.regimeLabels(lr), groups.onsetOfChaos(),
                map, window, TrainabilityMap.of(done.get(AtlasPart.ZOOM).rows())));
    }

    /** Runs a part into {@code done}; true when it was stopped. */
    private static boolean runPart(PartRunner parts, AtlasPart part, SweepSpec sweep,
                                   Map<AtlasPart, SweepResult> done) {
        SweepResult result = parts.run(part, sweep);
        done.put(part, result);
        return result.stopped();
    }
}

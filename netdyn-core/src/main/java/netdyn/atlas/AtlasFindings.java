package netdyn.atlas;

import java.util.List;
import java.util.Map;

import netdyn.sweep.ResultRows;

/**
 * What the atlas found: per learning rate its runs' regimes and the majority, the onset of chaos, and the
 * trainability map with the window its zoom resampled.
 *
 * @param learningRates the learning-rate part's rows by η
 * @param regimes       how many runs of that part carry each regime label, in order of first appearance
 *                      ({@link ResultRows#regimeLabels}; empty without the series measure)
 * @param onsetOfChaos  {@link LearningRateGroups#onsetOfChaos}; NaN when no η is chaotic
 * @param map           the trainability map; null when the atlas has none (the follow-up preset)
 * @param zoomWindow    its boundary window ({@link TrainabilityMap#boundaryWindow}); null without a map
 * @param zoom          the map resampled inside that window; null without a map or before the zoom ran
 */
public record AtlasFindings(LearningRateGroups learningRates, Map<String, Long> regimes, double onsetOfChaos,
                            TrainabilityMap map, BoundaryWindow zoomWindow, TrainabilityMap zoom) {

    public AtlasFindings {
        regimes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(regimes));
    }

    /** The findings from the rows of the learning-rate part and of the map. */
    public static AtlasFindings of(List<Map<String, Object>> learningRateRows, List<Map<String, Object>> mapRows) {
        LearningRateGroups groups = LearningRateGroups.of(learningRateRows);
        TrainabilityMap map = TrainabilityMap.of(mapRows);
        return new AtlasFindings(groups, ResultRows.regimeLabels(learningRateRows), groups.onsetOfChaos(), map,
                map.boundaryWindow(), null);
    }

    /** The majority regime at each η of {@link LearningRateGroups#eta}. */
    public String[] majorityRegime() {
        return learningRates.majorityRegime();
    }
}

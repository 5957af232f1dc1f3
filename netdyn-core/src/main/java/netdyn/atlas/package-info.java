/**
 * The learning-rate atlas (SCIENCE.md §3, README "The learning-rate atlas"): what it runs and what it
 * decides from the results, with no command line and no page. {@link netdyn.atlas.AtlasPlan} makes its four
 * parts ({@link netdyn.atlas.AtlasPart}) as sweeps from a base run and a quality level
 * ({@link netdyn.atlas.AtlasQuality}); {@link netdyn.atlas.Atlas} runs them in order (the zoom's window
 * comes from the map); and the decisions are read from result rows: the regime majority per learning rate
 * and the onset of chaos ({@link netdyn.atlas.LearningRateGroups}, {@link netdyn.atlas.RegimeMajority}),
 * the trainability class of a map cell ({@link netdyn.atlas.Trainability}) and the automatic boundary window
 * of the zoom ({@link netdyn.atlas.TrainabilityMap}, {@link netdyn.atlas.BoundaryWindow}), gathered in
 * {@link netdyn.atlas.AtlasFindings}. The atlas page draws what these decide.
 */
package netdyn.atlas;

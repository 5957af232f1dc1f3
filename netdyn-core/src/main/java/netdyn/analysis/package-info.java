/**
 * The study's experiments composed from the packages below (SCIENCE.md §2): training orbits streamed
 * to observers ({@link netdyn.analysis.TrainingRun}), the orbital-stability protocol
 * ({@link netdyn.analysis.DivergenceExperiment}), the approach to the end state
 * ({@link netdyn.analysis.ApproachFit}), sharpness along a run, the loss-series report
 * ({@link netdyn.analysis.SeriesReport}), regime classification and the known-answer table.
 */
package netdyn.analysis;

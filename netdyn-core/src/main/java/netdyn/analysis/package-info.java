/**
 * The study's experiments composed from the packages below (SCIENCE.md §2): the training loop, the one
 * place where a training map is stepped and an orbit declared diverged ({@link netdyn.analysis.EnsembleRun},
 * one orbit as {@link netdyn.analysis.TrainingRun}), and its observers: a recorded run, sharpness along a
 * run ({@link netdyn.analysis.SharpnessRun}), the regime evidence, the orbital-stability protocol
 * ({@link netdyn.analysis.DivergenceExperiment}, one init of it {@link netdyn.analysis.PerturbedReplicas});
 * the approach to the end state ({@link netdyn.analysis.ApproachFit}), the loss-series report
 * ({@link netdyn.analysis.SeriesReport}), regime classification ({@link netdyn.analysis.Regime}, the regimes with
 * their thresholds) and the known-answer table; and the one name of each measured quantity in every output
 * ({@link netdyn.analysis.ResultKeys}).
 */
package netdyn.analysis;

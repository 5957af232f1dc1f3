package netdyn.analysis;

/**
 * Observes training orbits as the one loop ({@link EnsembleRun}, and {@link TrainingRun} for one orbit)
 * computes them: a visit per step t, in order, with θ_t of every orbit and L(θ_t). What an observer
 * measures (a loss record, sharpness, distances between replicas, a tangent vector) it computes on the
 * visit; the loop alone steps the map and decides when an orbit has diverged.
 */
@FunctionalInterface
public interface OrbitObserver {

    /**
     * Whether the visit of step t needs the training accuracy of the orbits ({@link OrbitStep#trainingCorrect}).
     * With full batches the step counts it from its own forward pass at little cost, so ask only where it is
     * recorded. The last visit (t = T) always has it.
     */
    default boolean needsAccuracy(long t) {
        return false;
    }

    /** Step t of the orbits; {@code step} and its arrays are valid only during the call. */
    void visit(OrbitStep step);
}

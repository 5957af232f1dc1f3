package netdyn.lyapunov;

/** Receives the running estimate of every exponent after each QR step, to judge convergence. */
@FunctionalInterface
public interface SpectrumObserver {
    /**
     * @param step      steps of the map done since the transient (a multiple of q, or the last step)
     * @param estimates the k running exponents per unit time, in QR order (not sorted); valid only
     *                  during the call
     */
    void estimate(long step, double[] estimates);

    SpectrumObserver NONE = (step, estimates) -> { };
}

package netdyn.series;

/**
 * Laminar phases of a series and their statistics.
 *
 * @param threshold        θ used
 * @param period           p used
 * @param starts           first time point of each phase, ascending
 * @param lengths          number of time points of each phase (≥ minLength)
 * @param switchingTimes   the times at which the series enters a phase (its start) or leaves it (its last
 *                         point + 1, omitted when the phase runs to the end), ascending
 * @param burstLengths     time points between consecutive phases (the irregular bursts), one fewer than phases
 * @param distinctLengths  the distinct phase lengths, ascending
 * @param lengthCounts     how many phases have each distinct length
 * @param survival         fraction of phases at least as long as each distinct length, P(ℓ ≥ length)
 * @param laminarFraction  Σ lengths / n
 * @param meanLength       mean phase length (NaN with no phase)
 * @param n                length of the series
 */
public record LaminarPhasesResult(double threshold, int period, int[] starts, int[] lengths, int[] switchingTimes,
                                  int[] burstLengths, int[] distinctLengths, int[] lengthCounts, double[] survival,
                                  double laminarFraction, double meanLength, int n) {

    public int count() {
        return starts.length;
    }
}

package netdyn.series;

/**
 * How monotone a series is (the loss at small η should fall at every step, SCIENCE.md §2).
 *
 * @param risingSteps         steps with x(t+1) − x(t) &gt; tolerance
 * @param fallingSteps        steps with x(t+1) − x(t) &lt; −tolerance
 * @param flatSteps           the other steps
 * @param fractionIncreasing  risingSteps / (n − 1)
 * @param largestRise         the largest single-step increase x(t+1) − x(t) among the rising steps; 0 when
 *                            there is none
 * @param largestRiseAt       its t (the step from t to t + 1), −1 when there is none
 * @param rises               number of rises: maximal runs of consecutive rising steps
 * @param longestRise         the most steps in one rise (0 when there is none)
 * @param netChange           x(n−1) − x(0)
 * @param n                   length of the series
 */
public record MonotonicityResult(int risingSteps, int fallingSteps, int flatSteps, double fractionIncreasing,
                                 double largestRise, int largestRiseAt, int rises, int longestRise, double netChange,
                                 int n) {

    /** Whether no step rises above the tolerance. */
    public boolean nonIncreasing() {
        return risingSteps == 0;
    }
}

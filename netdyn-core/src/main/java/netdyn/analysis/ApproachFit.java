package netdyn.analysis;

import netdyn.series.LinearFit;

/**
 * How an orbit approaches its end state (SCIENCE.md §2, dynamical stability): a distance series D(t)
 * fitted by an exponential, ln D = a − t/τ, and by a power law, ln D = a − α ln t, each by least
 * squares in log space, the better one chosen by Akaike's information criterion
 * AIC = n ln(RSS/n) + 2k (k = 2 for both, so the smaller residual wins, and ΔAIC says by how much).
 * Linear-stability theory predicts the exponential for an isolated attracting minimum; a flat
 * manifold of minima gives the slow, power-law-like approach the reference study reports.
 *
 * @param rate          1/τ of the exponential fit (per step)
 * @param aicExponential AIC of the exponential fit
 * @param powerExponent α of the power-law fit
 * @param aicPower       AIC of the power-law fit
 * @param points         points fitted (t &gt; 0, D &gt; 0, inside the range)
 */
public record ApproachFit(double rate, double aicExponential, double powerExponent, double aicPower, int points) {

    /** "power law" or "exponential", by the smaller AIC. */
    public String better() {
        return aicPower < aicExponential ? "power law" : "exponential";
    }

    /** Fits D over the points with {@code from ≤ t ≤ to}, t &gt; 0 and D &gt; 0; NaN fields with fewer than 3. */
    public static ApproachFit of(double[] t, double[] d, double from, double to) {
        int n = 0;
        for (int i = 0; i < t.length; i++) {
            if (t[i] >= from && t[i] <= to && t[i] > 0 && d[i] > 0 && Double.isFinite(d[i])) {
                n++;
            }
        }
        if (n < 3) {
            return new ApproachFit(Double.NaN, Double.NaN, Double.NaN, Double.NaN, n);
        }
        double[] x = new double[n];
        double[] lx = new double[n];
        double[] y = new double[n];
        int k = 0;
        for (int i = 0; i < t.length; i++) {
            if (t[i] >= from && t[i] <= to && t[i] > 0 && d[i] > 0 && Double.isFinite(d[i])) {
                x[k] = t[i];
                lx[k] = Math.log(t[i]);
                y[k] = Math.log(d[i]);
                k++;
            }
        }
        LinearFit exp = LinearFit.of(x, y, 0, n - 1);
        LinearFit pow = LinearFit.of(lx, y, 0, n - 1);
        return new ApproachFit(-exp.slope(), aic(exp.residualSumOfSquares(), n), -pow.slope(),
                aic(pow.residualSumOfSquares(), n), n);
    }

    private static double aic(double rss, int n) {
        return n * Math.log(Math.max(rss, 1e-300) / n) + 4;
    }
}

package netdyn.lyapunov;

/**
 * The Kaplan–Yorke (Lyapunov) dimension D = j + (λ_1 + … + λ_j) / |λ_{j+1}|, j the largest index
 * with λ_1 + … + λ_j ≥ 0 (Kaplan &amp; Yorke 1979, doi:10.1007/BFb0064319). 0 when λ_1 &lt; 0; the
 * number of exponents when every partial sum is non-negative (then only a lower bound if the
 * spectrum is not complete).
 */
public final class KaplanYorke {
    private KaplanYorke() {
    }

    /** @param descending exponents sorted in descending order */
    public static double dimension(double[] descending) {
        double sum = 0;
        for (int j = 0; j < descending.length; j++) {
            double next = sum + descending[j];
            if (next < 0) {
                return j + sum / Math.abs(descending[j]);
            }
            sum = next;
        }
        return descending.length;
    }
}

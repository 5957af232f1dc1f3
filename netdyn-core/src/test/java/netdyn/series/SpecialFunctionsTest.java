package netdyn.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

import netdyn.rng.SplitMix64;

class SpecialFunctionsTest {

    @Test
    void logGammaMatchesFactorialsAndHalfIntegers() {
        double logFactorial = 0;
        for (int n = 1; n <= 30; n++) {
            assertThat(SpecialFunctions.logGamma(n)).as("ln Γ(%d)", n).isCloseTo(logFactorial,
                    within(1e-13 * Math.max(1, logFactorial)));
            logFactorial += Math.log(n);
        }
        assertThat(SpecialFunctions.logGamma(0.5)).isCloseTo(0.5 * Math.log(Math.PI), within(1e-14));
        assertThat(SpecialFunctions.logGamma(1.5)).isCloseTo(Math.log(0.5 * Math.sqrt(Math.PI)), within(1e-14));
        assertThat(SpecialFunctions.logGamma(0.1)).isCloseTo(2.252712651734206, within(1e-13));
        assertThat(SpecialFunctions.logGamma(-1)).isNaN();
    }

    @Test
    void incompleteBetaClosedForms() {
        SplitMix64 rng = new SplitMix64(11);
        for (int i = 0; i < 200; i++) {
            double x = rng.nextDouble();
            double a = 0.2 + 10 * rng.nextDouble();
            double b = 0.2 + 10 * rng.nextDouble();
            assertThat(SpecialFunctions.regularizedIncompleteBeta(x, 1, 1)).isCloseTo(x, within(1e-14));
            assertThat(SpecialFunctions.regularizedIncompleteBeta(x, a, 1)).isCloseTo(Math.pow(x, a), within(1e-13));
            assertThat(SpecialFunctions.regularizedIncompleteBeta(x, 1, b))
                    .isCloseTo(1 - Math.pow(1 - x, b), within(1e-13));
            // symmetry I_x(a, b) = 1 − I_{1−x}(b, a) and I_½(a, a) = ½
            assertThat(SpecialFunctions.regularizedIncompleteBeta(x, a, b) + SpecialFunctions.regularizedIncompleteBeta(
                    1 - x, b, a)).isCloseTo(1, within(1e-13));
            assertThat(SpecialFunctions.regularizedIncompleteBeta(0.5, a, a)).isCloseTo(0.5, within(1e-13));
        }
        assertThat(SpecialFunctions.regularizedIncompleteBeta(0, 2, 3)).isZero();
        assertThat(SpecialFunctions.regularizedIncompleteBeta(1, 2, 3)).isEqualTo(1);
        assertThat(SpecialFunctions.regularizedIncompleteBeta(1.5, 2, 3)).isNaN();
    }

    @Test
    void studentTClosedFormsAndTableValues() {
        for (double t = -20; t <= 20; t += 0.37) {
            // ν = 1 is Cauchy, ν = 2 has a closed form
            assertThat(StudentT.cdf(t, 1)).isCloseTo(0.5 + Math.atan(t) / Math.PI, within(1e-13));
            assertThat(StudentT.cdf(t, 2)).isCloseTo(0.5 + t / (2 * Math.sqrt(2 + t * t)), within(1e-13));
            assertThat(StudentT.cdf(t, 7) + StudentT.cdf(-t, 7)).isCloseTo(1, within(1e-13));
        }
        // two-sided 5 % critical values from the t table
        assertThat(StudentT.twoSidedPValue(2.306004135, 8)).isCloseTo(0.05, within(1e-8));
        assertThat(StudentT.twoSidedPValue(12.70620474, 1)).isCloseTo(0.05, within(1e-8));
        assertThat(StudentT.twoSidedPValue(1.959963985, 1e7)).isCloseTo(0.05, within(1e-6));
        assertThat(StudentT.twoSidedPValue(3.355387331, 8)).isCloseTo(0.01, within(1e-8));
        assertThat(StudentT.twoSidedPValue(0, 8)).isCloseTo(1, within(1e-15));
        assertThat(StudentT.twoSidedPValue(Double.POSITIVE_INFINITY, 8)).isZero();
        assertThat(StudentT.twoSidedPValue(1, 0)).isNaN();
    }

    @Test
    void linearFitRecoversALineAndTestsItsSlope() {
        double[] y = new double[12];
        for (int i = 0; i < y.length; i++) {
            y[i] = 3 - 0.25 * i;
        }
        LinearFit exact = LinearFit.againstIndex(y, 2, 9);
        assertThat(exact.slope()).isCloseTo(-0.25, within(1e-14));
        assertThat(exact.intercept()).isCloseTo(3, within(1e-13));
        assertThat(exact.r2()).isCloseTo(1, within(1e-14));
        assertThat(exact.points()).isEqualTo(8);
        assertThat(exact.pValue()).isZero();

        // y = x + e with e = (+1, −1, −1, +1): slope 1, SS_res = 4 − (Σ x e)²/Sxx
        double[] x = {0, 1, 2, 3};
        double[] z = {1, 0, 1, 4};
        LinearFit f = LinearFit.of(x, z, 0, 3);
        double sxx = 5;
        double slope = (-1.5 * 1 - 0.5 * 0 + 0.5 * 1 + 1.5 * 4) / sxx; // Σ(x − x̄) z / Sxx = 1
        assertThat(f.slope()).isCloseTo(slope, within(1e-14));
        double intercept = 1.5 - slope * 1.5;
        double ssRes = 0;
        for (int i = 0; i < 4; i++) {
            double r = z[i] - slope * x[i] - intercept;
            ssRes += r * r;
        }
        double se = Math.sqrt(ssRes / 2 / sxx);
        assertThat(f.slopeStandardError()).isCloseTo(se, within(1e-14));
        assertThat(f.pValue()).isCloseTo(StudentT.twoSidedPValue(slope / se, 2), within(1e-15));
        assertThat(LinearFit.againstIndex(new double[] {1, 1, 1}, 0, 2).r2()).isNaN();
    }
}

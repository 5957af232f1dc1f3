package netdyn.lyapunov;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.LongStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import netdyn.dynamics.CatMap;
import netdyn.dynamics.DiscreteMap;
import netdyn.dynamics.LogisticMap;
import netdyn.rng.SplitMix64;

/**
 * The short-phase rule recovers known exponents from replica-mean distances that saturate after about
 * 20 steps (the follow-up's MNIST situation), where the study's 30–100-step windows do not.
 */
class ShortPhaseFitTest {
    static LongStream seeds() {
        SplitMix64 rng = new SplitMix64(20261201);
        return LongStream.generate(rng::nextLong).limit(6);
    }

    @Test
    void exponentialGrowthUnderACeilingGivesItsRateExactly() {
        double lambda = 0.77;
        double[] d = new double[201];
        for (int t = 0; t < d.length; t++) {
            // 3 flat steps (alignment), then e^{λ t} until a ceiling 10^6.7 above the start
            double grow = Math.min(Math.max(t - 3, 0) * lambda, 6.7 * Math.log(10));
            d[t] = 1e-8 * Math.exp(grow);
        }
        ShortPhaseFit.Result r = ShortPhaseFit.STANDARD.fit(d);
        assertThat(r.passes()).isTrue();
        assertThat(r.slope()).isCloseTo(lambda, within(1e-12));
        assertThat(r.r2()).isCloseTo(1, within(1e-12));
        assertThat(r.growth()).isCloseTo(6.7 * Math.log(10), within(1e-9));
        // the rise: 10 % of G is reached after step 5 (1.54 of 15.4), 90 % at step 22
        assertThat(r.start()).isEqualTo(5);
        assertThat(r.end()).isEqualTo(22);
        // the study's windows (30–100 steps) straddle the ceiling: 0.65, 15 % low
        FiniteTimeFit.Window study = FiniteTimeFit.STUDY.best(d);
        assertThat(study.slope()).isLessThan(0.9 * lambda);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void catMapReplicasGiveItsExponent(long seed) {
        double[] d = replicaMeanDistance(new CatMap(), seed, true);
        ShortPhaseFit.Result r = ShortPhaseFit.STANDARD.fit(d);
        assertThat(r.passes()).isTrue();
        assertThat(r.slope()).isCloseTo(CatMap.EXPONENT, within(0.03));
        assertThat(r.end()).isLessThan(25); // saturated within 25 steps: a short phase
        FiniteTimeFit.Window study = FiniteTimeFit.STUDY.best(d);
        assertThat(study.slope()).isLessThan(0.8 * CatMap.EXPONENT); // 0.66–0.70: a third low
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void logisticMapReplicasGiveLnTwo(long seed) {
        double[] d = replicaMeanDistance(new LogisticMap(), seed, false);
        ShortPhaseFit.Result r = ShortPhaseFit.STANDARD.fit(d);
        assertThat(r.passes()).isTrue();
        assertThat(r.slope()).isCloseTo(Math.log(2), within(0.1));
    }

    @Test
    void aContractingOrbitDoesNotPass() {
        double[] d = new double[201];
        for (int t = 0; t < d.length; t++) {
            d[t] = 1e-8 * Math.pow(0.97, t) * (1 + 0.2 * Math.sin(t)); // decays, wiggling
        }
        ShortPhaseFit.Result r = ShortPhaseFit.STANDARD.fit(d);
        assertThat(r.passes()).isFalse();
        double[] flat = new double[201];
        java.util.Arrays.fill(flat, 1e-8);
        assertThat(ShortPhaseFit.STANDARD.fit(flat).passes()).isFalse();
        assertThat(ShortPhaseFit.STANDARD.fit(flat).slope()).isNaN();
    }

    @Test
    void growthOfLessThanADecadeDoesNotPass() {
        double[] d = new double[201];
        for (int t = 0; t < d.length; t++) {
            d[t] = 1e-8 * Math.exp(Math.min(0.2 * t, 2.0)); // e^2 = 7.4-fold, then flat
        }
        ShortPhaseFit.Result r = ShortPhaseFit.STANDARD.fit(d);
        assertThat(r.slope()).isCloseTo(0.2, within(1e-9));
        assertThat(r.passes()).isFalse();
    }

    /**
     * Mean over 5 replicas, each the start perturbed by U(−ε, ε) per coordinate (ε = 1e-8), of the ℓ1
     * distance to the reference along 200 steps (on the torus when {@code torus}).
     */
    private static double[] replicaMeanDistance(DiscreteMap map, long seed, boolean torus) {
        SplitMix64 rng = new SplitMix64(seed);
        int dim = map.dimension();
        int replicas = 5;
        double[] x = new double[dim];
        for (int i = 0; i < dim; i++) {
            x[i] = 0.05 + 0.9 * rng.nextDouble();
        }
        double[][] copies = new double[replicas][dim];
        for (double[] c : copies) {
            for (int i = 0; i < dim; i++) {
                c[i] = x[i] + 1e-8 * (2 * rng.nextDouble() - 1);
            }
        }
        double[] mean = new double[201];
        double[] next = new double[dim];
        for (int t = 0; t <= 200; t++) {
            for (double[] c : copies) {
                for (int i = 0; i < dim; i++) {
                    double a = Math.abs(c[i] - x[i]);
                    mean[t] += (torus ? Math.min(a, 1 - a) : a) / replicas;
                }
            }
            map.step(t, x, next);
            System.arraycopy(next, 0, x, 0, dim);
            for (double[] c : copies) {
                map.step(t, c, next);
                System.arraycopy(next, 0, c, 0, dim);
            }
        }
        return mean;
    }
}

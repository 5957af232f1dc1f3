package netdyn.atlas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import netdyn.BadInputException;
import netdyn.data.Dataset;
import netdyn.dynamics.GradientDescentMap;
import netdyn.nn.Batch;
import netdyn.nn.MlpLayout;
import netdyn.run.ResolvedRun;
import netdyn.sweep.SweepSpec;

/**
 * Sohl-Dickstein's network written out in his parameterisation (mean-field weights W, loss (1/N) Σ (f − y)²,
 * rates η₀, η₁ on W) and trained side by side with netdyn's preset (weights V = αW, half the loss, rates
 * 2α²η): the same orbit, step by step.
 */
class BoundaryPresetTest {

    /** His f, loss and gradient step on W (row-major [fan_in][fan_out]), for φ of the preset. */
    private static final class HisNetwork {
        final BoundaryPreset preset;
        final double[][] x;
        final double[] y;
        final int n = BoundaryPreset.WIDTH;

        HisNetwork(BoundaryPreset preset, Dataset data) {
            this.preset = preset;
            this.x = data.features();
            this.y = new double[data.size()];
            for (int s = 0; s < y.length; s++) {
                y[s] = data.targets()[s][0];
            }
        }

        double phi(double z) {
            return switch (preset) {
                case RELU -> Math.sqrt(2) * Math.max(0, z);
                case IDENTITY -> z;
                default -> Math.tanh(Math.sqrt(2) * z);
            };
        }

        double dphi(double z) {
            return switch (preset) {
                case RELU -> z > 0 ? Math.sqrt(2) : 0;
                case IDENTITY -> 1;
                default -> {
                    double t = Math.tanh(Math.sqrt(2) * z);
                    yield Math.sqrt(2) * (1 - t * t);
                }
            };
        }

        /** One step of gradient descent on (w0 [d·n], w1 [n]); returns the loss before the step. */
        double step(double[] w0, double[] w1, double eta0, double eta1) {
            int count = x.length;
            int d = x[0].length;
            double[] g0 = new double[w0.length];
            double[] g1 = new double[w1.length];
            double loss = 0;
            double[] z = new double[n];
            double[] h = new double[n];
            for (int s = 0; s < count; s++) {
                for (int j = 0; j < n; j++) {
                    double a = 0;
                    for (int i = 0; i < d; i++) {
                        a += x[s][i] * w0[i * n + j];
                    }
                    z[j] = a / Math.sqrt(n);
                    h[j] = phi(z[j]);
                }
                double f = 0;
                for (int j = 0; j < n; j++) {
                    f += h[j] * w1[j];
                }
                f /= n;
                double r = f - y[s];
                loss += r * r / count;
                double df = 2 * r / count;
                for (int j = 0; j < n; j++) {
                    g1[j] += h[j] * df / n;
                    double dz = df * w1[j] / n * dphi(z[j]);
                    for (int i = 0; i < d; i++) {
                        g0[i * n + j] += x[s][i] * dz / Math.sqrt(n);
                    }
                }
            }
            for (int i = 0; i < w0.length; i++) {
                w0[i] -= eta0 * g0[i];
            }
            for (int j = 0; j < w1.length; j++) {
                w1[j] -= eta1 * g1[j];
            }
            return loss;
        }
    }

    @ParameterizedTest
    @CsvSource({"TANH, 0.5, 40", "TANH, 3, 200", "RELU, 0.3, 20", "IDENTITY, 1, 10", "SINGLE_POINT, 2, 50"})
    void netdynsPresetFollowsHisOrbit(BoundaryPreset preset, double eta0, double eta1) {
        ResolvedRun run = preset.run(30, 0).withHiddenRate(preset.hiddenRateOf(eta0))
                .withOutputRate(preset.outputRateOf(eta1)).resolve();
        Dataset data = run.trainSet();
        assertThat(data.size()).isEqualTo(preset.points());
        assertThat(run.theta0()).hasSize(16 * 16 + 16 + 16 + 1); // biases present but frozen at 0
        MlpLayout layout = new MlpLayout(run.spec());
        double a0 = Math.sqrt(preset.inputScaleSquared());
        double a1 = Math.sqrt(BoundaryPreset.outputScaleSquared());
        double[] v = run.theta0().clone();
        double[] w0 = new double[256];
        double[] w1 = new double[16];
        for (int i = 0; i < 256; i++) {
            w0[i] = v[layout.weightOffset(0) + i] / a0;
        }
        for (int j = 0; j < 16; j++) {
            w1[j] = v[layout.weightOffset(1) + j] / a1;
        }
        HisNetwork his = new HisNetwork(preset, data);
        GradientDescentMap map = new GradientDescentMap(run.spec(), Batch.of(data), run.optimizer());
        double[] next = new double[v.length];
        for (int t = 0; t < 30; t++) {
            map.step(t, v, next);
            double ours = map.lastLoss();
            double theirs = his.step(w0, w1, eta0, eta1);
            assertThat(2 * ours).as("step %d", t).isCloseTo(theirs, within(1e-11 * Math.max(1, theirs)));
            System.arraycopy(next, 0, v, 0, v.length);
        }
        for (int i = 0; i < 256; i += 17) {
            assertThat(v[layout.weightOffset(0) + i]).isCloseTo(a0 * w0[i], within(1e-10 * Math.max(1,
                    Math.abs(a0 * w0[i]))));
        }
        for (int j = 0; j < 16; j++) {
            assertThat(v[layout.biasOffset(0) + j]).isZero();
        }
    }

    @Test
    void theMapCoversHisFirstWindowInNetdynsRates() {
        SweepSpec map = BoundaryPreset.TANH.map(17, 500, 0);
        assertThat(map.taskCount()).isEqualTo(289);
        assertThat(map.tail()).isEqualTo(TrainabilityMap.CONVERGENCE_WINDOW);
        double first = Double.parseDouble(map.axes().get(0).values().get(0));
        double last = Double.parseDouble(map.axes().get(1).values().get(16));
        assertThat(first).isCloseTo(1e-3 * 2 * 2.0 / 16, within(1e-18)); // 2 α₀² η₀, α₀² = 2/n
        assertThat(last).isCloseTo(1e6 * 2 / 256.0, within(1e-9)); // 2 α₁² η₁, α₁² = 1/n²
        assertThat(BoundaryPreset.IDENTITY.hiddenRateOf(1)).isEqualTo(2.0 / 16);
        assertThat(BoundaryPreset.MINIBATCH.run(10, 0).batchSize()).isEqualTo(16);
    }

    @Test
    void unknownPresetsAreRefusedNamingTheValidOnes() {
        assertThatThrownBy(() -> BoundaryPreset.parse("mandelbrot")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("sohl-dickstein-tanh").hasMessageContaining("mandelbrot");
    }
}

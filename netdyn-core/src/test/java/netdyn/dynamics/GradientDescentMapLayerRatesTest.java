package netdyn.dynamics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import netdyn.BadInputException;
import netdyn.curvature.HessianSpectrum;
import netdyn.nn.Activation;
import netdyn.nn.Batch;
import netdyn.nn.LossKind;
import netdyn.nn.MlpEvaluator;
import netdyn.nn.MlpLayout;
import netdyn.nn.MlpSpec;
import netdyn.nn.OutputKind;

/** Gradient descent with one learning rate per layer (OptimizerSpec layer rates). */
class GradientDescentMapLayerRatesTest {
    static final Batch IRIS = GradientDescentMapTest.IRIS;
    static final MlpSpec STUDY = GradientDescentMapTest.STUDY;
    static final MlpSpec DEEP = new MlpSpec(4, new int[] {6, 5}, 3, Activation.TANH, OutputKind.SOFTMAX, LossKind.CE,
            0);

    static double[] orbitEnd(GradientDescentMap map, double[] x0, int steps, double[] losses) {
        double[] x = x0.clone();
        double[] next = new double[x.length];
        for (int t = 0; t < steps; t++) {
            map.step(t, x, next);
            losses[t] = map.lastLoss();
            double[] swap = x;
            x = next;
            next = swap;
        }
        return x;
    }

    @Test
    void equalLayerRatesGiveTheUniformOrbitBitForBit() {
        int steps = 1000;
        double[] theta = GradientDescentMapTest.init(STUDY, 2, 0);
        OptimizerSpec[][] pairs = {
            {OptimizerSpec.gradientDescent(1.3), OptimizerSpec.perLayer(1.3, 1.3, 2)},
            {new OptimizerSpec(0.1, 0.9, 0, 0), new OptimizerSpec(0.1, 0.9, 0, 0, new double[] {0.1, 0.1})},
            {new OptimizerSpec(0.2, 0, 16, 5), new OptimizerSpec(0.2, 0, 16, 5, new double[] {0.2, 0.2})},
        };
        for (OptimizerSpec[] pair : pairs) {
            GradientDescentMap uniform = new GradientDescentMap(STUDY, IRIS, pair[0]);
            GradientDescentMap layered = new GradientDescentMap(STUDY, IRIS, pair[1]);
            double[] x0 = new double[uniform.dimension()];
            System.arraycopy(theta, 0, x0, 0, theta.length);
            double[] lossU = new double[steps];
            double[] lossL = new double[steps];
            double[] endU = orbitEnd(uniform, x0, steps, lossU);
            double[] endL = orbitEnd(layered, x0, steps, lossL);
            assertThat(endL).as("%s", pair[1]).isEqualTo(endU);
            assertThat(lossL).as("%s", pair[1]).isEqualTo(lossU);
            assertThat(lossU[steps - 1]).isLessThan(lossU[0]);
        }
    }

    @Test
    void oneStepMovesEachLayerByItsRateTimesTheGradient() {
        for (MlpSpec spec : new MlpSpec[] {STUDY, DEEP}) {
            MlpLayout layout = new MlpLayout(spec);
            int layers = layout.layerCount();
            double[] rates = new double[layers];
            for (int l = 0; l < layers; l++) {
                rates[l] = 0.05 * (1 << (2 * l)) + 0.01; // distinct: 0.06, 0.21, 0.81
            }
            OptimizerSpec opt = new OptimizerSpec(rates[layers - 1], 0, 0, 0, rates);
            GradientDescentMap map = new GradientDescentMap(spec, IRIS, opt);
            double[] theta = GradientDescentMapTest.init(spec, 9, 1);
            double[] out = new double[theta.length];
            map.step(0, theta, out);
            double[] g = new double[theta.length];
            new MlpEvaluator(spec, IRIS.size()).lossAndGradient(theta, 0, IRIS, g, 0);
            int checked = 0;
            for (int l = 0; l < layers; l++) {
                int end = l + 1 < layers ? layout.weightOffset(l + 1) : layout.parameterCount();
                assertThat(layout.biasOffset(l)).isBetween(layout.weightOffset(l), end);
                for (int i = layout.weightOffset(l); i < end; i++) {
                    assertThat(out[i]).as("%s layer %d θ_%d", spec.shape(), l, i)
                            .isEqualTo(theta[i] - rates[l] * g[i]);
                    assertThat(out[i]).isNotEqualTo(theta[i] - rates[(l + 1) % layers] * g[i]);
                    checked++;
                }
            }
            assertThat(checked).isEqualTo(layout.parameterCount());
        }
    }

    @Test
    void logAbsDetJacobianIsLnAbsDetOfIMinusDH() {
        MlpLayout layout = new MlpLayout(STUDY);
        int p = layout.parameterCount();
        OptimizerSpec opt = OptimizerSpec.perLayer(0.7, 4.0, 2);
        GradientDescentMap map = new GradientDescentMap(STUDY, IRIS, opt);
        double[] theta = GradientDescentMapTest.init(STUDY, 4, 0);
        double[] next = new double[p];
        for (int t = 0; t < 60; t++) { // away from the initial point, where H is near zero
            map.step(t, theta, next);
            System.arraycopy(next, 0, theta, 0, p);
        }
        double logDet = map.logAbsDetJacobian(0, theta);
        double[] h = new double[p * p];
        HessianSpectrum.assemble(new MlpEvaluator(STUDY, IRIS.size()), theta, IRIS, h);
        DMatrixRMaj j = new DMatrixRMaj(p, p);
        for (int l = 0; l < layout.layerCount(); l++) {
            int end = l + 1 < layout.layerCount() ? layout.weightOffset(l + 1) : p;
            for (int r = layout.weightOffset(l); r < end; r++) {
                for (int c = 0; c < p; c++) {
                    j.set(r, c, (r == c ? 1 : 0) - opt.rateOfLayer(l) * h[r * p + c]);
                }
            }
        }
        double expected = Math.log(Math.abs(CommonOps_DDRM.det(j))); // LU of the non-symmetric I − DH
        assertThat(logDet).isFinite().isCloseTo(expected, within(1e-9 * Math.max(1, Math.abs(expected))));
        // the rates matter: the uniform map at the output rate gives another value
        double uniform = new GradientDescentMap(STUDY, IRIS, OptimizerSpec.gradientDescent(4.0))
                .logAbsDetJacobian(0, theta);
        assertThat(Math.abs(uniform - logDet)).isGreaterThan(1e-3);
        // and equal rates agree with the uniform eigenvalue formula
        double equal = new GradientDescentMap(STUDY, IRIS, OptimizerSpec.perLayer(4.0, 4.0, 2))
                .logAbsDetJacobian(0, theta);
        assertThat(equal).isCloseTo(uniform, within(1e-10 * Math.max(1, Math.abs(uniform))));
        // with momentum there is no such formula
        assertThat(new GradientDescentMap(STUDY, IRIS, new OptimizerSpec(4.0, 0.5, 0, 0, new double[] {0.7, 4.0}))
                .logAbsDetJacobian(0, new double[2 * p])).isNaN();
    }

    @Test
    void layerRatesOfTheWrongLengthAreMisuseNamingBothSizes() {
        assertThatThrownBy(() -> new GradientDescentMap(STUDY, IRIS, OptimizerSpec.perLayer(0.1, 0.2, 3)))
                .isInstanceOf(IllegalArgumentException.class).isNotInstanceOf(BadInputException.class)
                .hasMessageContaining("3 layer rates for a network of 2 layers");
        assertThatThrownBy(() -> new GradientDescentMap(DEEP, IRIS, OptimizerSpec.perLayer(0.1, 0.2, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 layer rates for a network of 3");
    }

    /** The map contract (tangent against central differences, block tangent, ln|det DF|) with layer rates. */
    @Nested
    class Plain extends GradientDescentMapContract {
        @Override
        MlpSpec network() {
            return DEEP;
        }

        @Override
        OptimizerSpec optimizer() {
            return new OptimizerSpec(0.5, 0, 0, 0, new double[] {0.05, 0.2, 0.5});
        }
    }

    @Nested
    class WithMomentum extends GradientDescentMapContract {
        @Override
        MlpSpec network() {
            return STUDY;
        }

        @Override
        OptimizerSpec optimizer() {
            return new OptimizerSpec(0.5, 0.8, 0, 0, new double[] {0.05, 0.5});
        }
    }
}

package netdyn.dynamics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import netdyn.BadInputException;

class OptimizerSpecTest {

    @Test
    void withoutLayerRatesEveryLayerUsesTheLearningRate() {
        OptimizerSpec s = new OptimizerSpec(0.3, 0.5, 8, 2);
        assertThat(s.hasLayerRates()).isFalse();
        assertThat(s.layerRates()).isNull();
        assertThat(s.rateOfLayer(0)).isEqualTo(0.3);
        assertThat(s.rateOfLayer(5)).isEqualTo(0.3);
        assertThat(s).isEqualTo(new OptimizerSpec(0.3, 0.5, 8, 2, null));
        assertThat(s.toString()).isEqualTo("OptimizerSpec[learningRate=0.3, momentum=0.5, batchSize=8, batchSeed=2]");
    }

    @Test
    void perLayerGivesHiddenLayersOneRateAndTheOutputLayerAnother() {
        OptimizerSpec s = OptimizerSpec.perLayer(0.2, 3.0, 3);
        assertThat(s.hasLayerRates()).isTrue();
        assertThat(s.layerRates()).containsExactly(0.2, 0.2, 3.0);
        assertThat(s.rateOfLayer(0)).isEqualTo(0.2);
        assertThat(s.rateOfLayer(1)).isEqualTo(0.2);
        assertThat(s.rateOfLayer(2)).isEqualTo(3.0);
        assertThat(s.learningRate()).isEqualTo(3.0);
        assertThat(s.fullBatch()).isTrue();
        assertThat(s.extendsState()).isFalse();
        assertThat(OptimizerSpec.perLayer(0.2, 3.0, 1).layerRates()).containsExactly(3.0);
        assertThat(s.toString()).contains("layerRates=[0.2, 0.2, 3.0]");
    }

    @Test
    void layerRatesAreCopiedInAndOut() {
        double[] rates = {0.1, 0.4};
        OptimizerSpec s = new OptimizerSpec(0.4, 0, 0, 0, rates);
        rates[0] = 9;
        assertThat(s.rateOfLayer(0)).isEqualTo(0.1);
        s.layerRates()[0] = 9;
        assertThat(s.rateOfLayer(0)).isEqualTo(0.1);
    }

    @Test
    void equalsAndHashCodeCompareLayerRatesByContent() {
        OptimizerSpec a = new OptimizerSpec(0.4, 0.9, 0, 3, new double[] {0.1, 0.4});
        OptimizerSpec b = new OptimizerSpec(0.4, 0.9, 0, 3, new double[] {0.1, 0.4});
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(OptimizerSpec.perLayer(0.1, 0.4, 2)).isEqualTo(new OptimizerSpec(0.4, 0, 0, 0, new double[] {0.1, 0.4}));
        assertThat(a).isNotEqualTo(new OptimizerSpec(0.4, 0.9, 0, 3, new double[] {0.2, 0.4}));
        assertThat(a).isNotEqualTo(new OptimizerSpec(0.4, 0.9, 0, 3));
        assertThat(a).isNotEqualTo(new OptimizerSpec(0.4, 0.9, 0, 4, new double[] {0.1, 0.4}));
        assertThat(new OptimizerSpec(0.4, 0, 0, 0)).isEqualTo(OptimizerSpec.gradientDescent(0.4))
                .hasSameHashCodeAs(OptimizerSpec.gradientDescent(0.4));
    }

    @Test
    void badLayerRatesAreRejectedNamingTheSetting() {
        for (double bad : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> OptimizerSpec.perLayer(bad, 1, 2)).as("hidden %s", bad)
                    .isInstanceOf(BadInputException.class).hasMessageStartingWith("hiddenRate must be")
                    .hasMessageContaining(String.valueOf(bad));
            assertThatThrownBy(() -> OptimizerSpec.perLayer(1, bad, 2)).as("output %s", bad)
                    .isInstanceOf(BadInputException.class).hasMessageStartingWith("outputRate must be")
                    .hasMessageContaining(String.valueOf(bad));
            assertThatThrownBy(() -> new OptimizerSpec(1, 0, 0, 0, new double[] {bad, 1, 1}))
                    .isInstanceOf(BadInputException.class).hasMessageStartingWith("hiddenRate must be")
                    .hasMessageContaining("layer 0 of 3");
        }
        assertThatThrownBy(() -> new OptimizerSpec(1, 0, 0, 0, new double[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one rate per layer");
        assertThatThrownBy(() -> new OptimizerSpec(0.5, 0, 0, 0, new double[] {0.1, 0.2}))
                .isInstanceOf(BadInputException.class)
                .hasMessage("outputRate must equal learningRate when layer rates are given (got 0.2 and "
                        + "learningRate 0.5)");
        assertThatThrownBy(() -> OptimizerSpec.perLayer(1, 1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}

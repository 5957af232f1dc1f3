package netdyn.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RegimeClassifierTest {

    static RegimeClassifier.Evidence evidence(boolean diverged, double loss, double lambda1, double k, double laminar,
                                              double rising, double share, double sharpness) {
        return new RegimeClassifier.Evidence(diverged, loss, 3, lambda1, k, laminar, rising, share, 2, sharpness);
    }

    @Test
    void eachClauseOfTheRule() {
        assertThat(RegimeClassifier.classify(evidence(true, Double.NaN, 0, 0, 0, 0, 0, 0)).label())
                .isEqualTo("diverged");
        assertThat(RegimeClassifier.classify(evidence(false, 1.2, 0.3, 0.95, 0.05, 0.5, 0.1, 3)).label())
                .isEqualTo("chaotic");
        assertThat(RegimeClassifier.classify(evidence(false, 1.2, 0.2, 0.9, 0.4, 0.4, 0.1, 3)).label())
                .isEqualTo("intermittent");
        assertThat(RegimeClassifier.classify(evidence(false, 1.5, -0.01, 0.05, 0.9, 0.5, 0.9, 3)).label())
                .isEqualTo("periodic");
        assertThat(RegimeClassifier.classify(evidence(false, 0.1, -0.002, 0.1, 0, 0.3, 0.1, 1.4)).label())
                .isEqualTo("edge of stability");
        RegimeClassifier.Classification chaoticEdge = RegimeClassifier.classify(evidence(false, 0.1, 0.09, 0.98, 0, 0.4, 0.1, 2.7));
        assertThat(chaoticEdge.label()).isEqualTo("edge of stability");
        assertThat(chaoticEdge.reasons()).anyMatch(r -> r.contains("chaotic there"));
        assertThat(RegimeClassifier.classify(evidence(false, 0.1, 0.09, 0.98, 0, 0.4, 0.1, 0.5)).label())
                .isEqualTo("chaotic");
        assertThat(RegimeClassifier.classify(evidence(false, 2.0, -0.001, 0.5, 0, 0.0, 0.0, 0.5)).label())
                .as("stuck above chance/2").isEqualTo("plateau");
        assertThat(RegimeClassifier.classify(evidence(false, 0.1, -0.01, 0.1, 0, 0, 0, 0.2)).label())
                .isEqualTo("converged");
        RegimeClassifier.Classification slow = RegimeClassifier.classify(evidence(false, 0.2, -1e-5, 0.1, 0, 0, 0, 0.2));
        assertThat(slow.label()).isEqualTo("slow convergence");
        assertThat(slow.reasons()).anyMatch(r -> r.contains("flat directions"));
    }
}

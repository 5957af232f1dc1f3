package netdyn.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

/**
 * The regimes' thresholds are the classifier's: each rule flips exactly at its {@link Regime} constant, and
 * the reasons quote the constant as the descriptions do.
 */
class RegimeTest {
    static final double CHANCE = Math.log(3);
    /** Learned / not learned, just either side of the threshold. */
    static final double LEARNED = Math.nextDown(Regime.LEARNED_FRACTION_OF_CHANCE * CHANCE);
    static final double NOT_LEARNED = Regime.LEARNED_FRACTION_OF_CHANCE * CHANCE;

    static RegimeClassifier.Evidence evidence(double loss, double lambda1, double k, double laminar, double rising,
                                              double share, double sharpness) {
        return new RegimeClassifier.Evidence(false, loss, 3, lambda1, k, laminar, rising, share, 2, sharpness);
    }

    static Regime regime(double loss, double lambda1, double k, double laminar, double rising, double share,
                         double sharpness) {
        return RegimeClassifier.classify(evidence(loss, lambda1, k, laminar, rising, share, sharpness)).regime();
    }

    @Test
    void labelsAreDistinctAndReadBack() {
        assertThat(Arrays.stream(Regime.values()).map(Regime::label).distinct().count())
                .isEqualTo(Regime.values().length);
        for (Regime r : Regime.values()) {
            assertThat(Regime.ofLabel(r.label())).isEqualTo(r);
            assertThat(r.description()).isNotBlank().doesNotContain("\n");
        }
        assertThat(Regime.EDGE_OF_STABILITY.label()).isEqualTo("edge of stability");
        assertThatThrownBy(() -> Regime.ofLabel("chaos")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void thresholdsAreWrittenAsInTheText() {
        assertThat(Regime.number(Regime.CHAOTIC_LAMBDA1)).isEqualTo("0.01");
        assertThat(Regime.number(Regime.CONVERGED_LAMBDA1)).isEqualTo("−0.001");
        assertThat(Regime.number(Regime.EDGE_SHARPNESS_ETA_OVER_2)).isEqualTo("0.9");
        assertThat(Regime.percent(Regime.INTERMITTENT_LAMINAR_FRACTION)).isEqualTo("20");
        assertThat(Regime.fraction(0.5)).isEqualTo("half");
        assertThat(Regime.fraction(0.25)).isEqualTo("0.25 ×");
    }

    @Test
    void learnedFlipsAtItsFractionOfTheChanceLevel() {
        assertThat(regime(LEARNED, 0, 0, 0, 0, 0, 0)).isEqualTo(Regime.SLOW_CONVERGENCE);
        assertThat(regime(NOT_LEARNED, 0, 0, 0, 0, 0, 0)).isEqualTo(Regime.PLATEAU);
    }

    @Test
    void edgeOfStabilityFlipsAtItsSharpness() {
        double edge = Regime.EDGE_SHARPNESS_ETA_OVER_2;
        assertThat(regime(LEARNED, 0, 0, 0, 0, 0, Math.nextUp(edge))).isEqualTo(Regime.EDGE_OF_STABILITY);
        assertThat(regime(LEARNED, 0, 0, 0, 0, 0, edge)).isEqualTo(Regime.SLOW_CONVERGENCE);
        assertThat(RegimeClassifier.classify(evidence(LEARNED, 0, 0, 0, 0, 0, 1.5)).reasons())
                .anySatisfy(r -> assertThat(r).endsWith("> " + Regime.number(edge)));
    }

    @Test
    void chaoticEvidenceNeedsBothExponentAndK() {
        double lambda = Math.nextUp(Regime.CHAOTIC_LAMBDA1);
        double k = Math.nextUp(Regime.CHAOTIC_K);
        assertThat(regime(LEARNED, lambda, k, 0, 0, 0, 0)).isEqualTo(Regime.CHAOTIC);
        assertThat(regime(LEARNED, Regime.CHAOTIC_LAMBDA1, k, 0, 0, 0, 0)).isEqualTo(Regime.SLOW_CONVERGENCE);
        assertThat(regime(LEARNED, lambda, Regime.CHAOTIC_K, 0, 0, 0, 0)).isEqualTo(Regime.SLOW_CONVERGENCE);
        assertThat(RegimeClassifier.classify(evidence(LEARNED, 0.2, 0.9, 0, 0, 0, 0)).reasons().get(1))
                .contains("> " + Regime.number(Regime.CHAOTIC_LAMBDA1) + " per step")
                .endsWith("> " + Regime.number(Regime.CHAOTIC_K));
    }

    @Test
    void convergedFlipsAtItsExponent() {
        double c = Regime.CONVERGED_LAMBDA1;
        assertThat(regime(LEARNED, Math.nextDown(c), 0, 0, 0, 0, 0)).isEqualTo(Regime.CONVERGED);
        assertThat(regime(LEARNED, c, 0, 0, 0, 0, 0)).isEqualTo(Regime.SLOW_CONVERGENCE);
        assertThat(RegimeClassifier.classify(evidence(LEARNED, -0.5, 0, 0, 0, 0, 0)).reasons().get(1))
                .contains("< " + Regime.number(c) + ":");
    }

    @Test
    void intermittentFlipsAtItsLaminarFraction() {
        double f = Regime.INTERMITTENT_LAMINAR_FRACTION;
        assertThat(regime(NOT_LEARNED, 0.2, 0.9, f, 0, 0, 0)).isEqualTo(Regime.INTERMITTENT);
        assertThat(regime(NOT_LEARNED, 0.2, 0.9, Math.nextDown(f), 0, 0, 0)).isEqualTo(Regime.CHAOTIC);
        assertThat(RegimeClassifier.classify(evidence(NOT_LEARNED, 0.2, 0.9, 0.5, 0, 0, 0)).reasons())
                .last().asString().contains("≥ " + Regime.percent(f) + "%");
    }

    @Test
    void periodicNeedsRisesAndEitherPowerOrRegularity() {
        double rising = Math.nextUp(Regime.PERIODIC_FRACTION_INCREASING);
        assertThat(regime(NOT_LEARNED, 0, 0.9, 0, rising, Regime.PERIODIC_SHARE, 0)).isEqualTo(Regime.PERIODIC);
        assertThat(regime(NOT_LEARNED, 0, 0.9, 0, Regime.PERIODIC_FRACTION_INCREASING, 1, 0))
                .isEqualTo(Regime.PLATEAU);
        assertThat(regime(NOT_LEARNED, 0, 0.9, 0, rising, Math.nextDown(Regime.PERIODIC_SHARE), 0))
                .isEqualTo(Regime.PLATEAU);
        assertThat(regime(NOT_LEARNED, 0, Math.nextDown(Regime.REGULAR_K), 0, rising, 0, 0))
                .isEqualTo(Regime.PERIODIC);
        assertThat(regime(NOT_LEARNED, 0, Regime.REGULAR_K, 0, rising, 0, 0)).isEqualTo(Regime.PLATEAU);
        assertThat(RegimeClassifier.classify(evidence(NOT_LEARNED, 0, 0.1, 0, 0.5, 0, 0)).reasons())
                .last().asString().contains("< " + Regime.number(Regime.REGULAR_K) + " (regular)");
    }

    @Test
    void descriptionsQuoteTheThresholds() {
        assertThat(Regime.terms().get(0)).contains(Regime.fraction(Regime.LEARNED_FRACTION_OF_CHANCE));
        assertThat(Regime.terms().get(1)).contains("> " + Regime.number(Regime.CHAOTIC_LAMBDA1))
                .contains("> " + Regime.number(Regime.CHAOTIC_K));
        assertThat(Regime.CONVERGED.description()).contains("< " + Regime.number(Regime.CONVERGED_LAMBDA1));
        assertThat(Regime.EDGE_OF_STABILITY.description()).contains("> "
                + Regime.number(Regime.EDGE_SHARPNESS_ETA_OVER_2));
        assertThat(Regime.PERIODIC.description()).contains(Regime.PERIOD_MIN + "–" + Regime.PERIOD_MAX + " steps")
                .contains("K < " + Regime.number(Regime.REGULAR_K));
        assertThat(Regime.INTERMITTENT.description()).contains("dividing " + Regime.LAMINAR_PERIOD)
                .contains("≥ " + Regime.percent(Regime.INTERMITTENT_LAMINAR_FRACTION) + " %");
    }
}

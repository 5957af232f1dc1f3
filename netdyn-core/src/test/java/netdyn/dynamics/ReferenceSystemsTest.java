package netdyn.dynamics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import netdyn.BadInputException;
import netdyn.dynamics.ReferenceSystems.ReferenceSystem;

class ReferenceSystemsTest {
    static final String VALID = "logistic, tent, henon, lozi, ikeda, standard, cat, lorenz, rossler";

    @Test
    void namesAreTheNineSystemsInTableOrder() {
        assertThat(String.join(", ", ReferenceSystems.names())).isEqualTo(VALID);
    }

    @Test
    void everySystemParsesWithItsClassicParameters() {
        record Expected(String name, Class<?> type, Map<String, Double> parameters, int dimension, int transientSteps) {
        }
        List<Expected> all = List.of(
                new Expected("logistic", LogisticMap.class, Map.of("r", 4.0), 1, 100),
                new Expected("tent", TentMap.class, Map.of("mu", 1.99), 1, 100),
                new Expected("henon", HenonMap.class, Map.of("a", 1.4, "b", 0.3), 2, 100),
                new Expected("lozi", LoziMap.class, Map.of("a", 1.7, "b", 0.5), 2, 100),
                new Expected("ikeda", IkedaMap.class, Map.of("u", 0.9), 2, 100),
                new Expected("standard", StandardMap.class, Map.of("k", 6.0), 2, 100),
                new Expected("cat", CatMap.class, Map.of(), 2, 100),
                new Expected("lorenz", LorenzFlow.class,
                        Map.of("sigma", 10.0, "rho", 28.0, "beta", 8.0 / 3, "dt", 0.01), 3, 1000),
                new Expected("rossler", RosslerFlow.class, Map.of("a", 0.2, "b", 0.2, "c", 5.7, "dt", 0.01), 3, 1000));
        assertThat(all).extracting(Expected::name).containsExactlyElementsOf(ReferenceSystems.names());
        for (Expected e : all) {
            ReferenceSystem s = ReferenceSystems.parse(e.name);
            assertThat(s.name()).isEqualTo(e.name);
            assertThat(s.map()).isInstanceOf(e.type);
            assertThat(s.parameters()).isEqualTo(e.parameters);
            assertThat(s.map().dimension()).isEqualTo(e.dimension);
            assertThat(s.initialState()).hasSize(e.dimension);
            assertThat(s.map().domainViolation(s.initialState())).isNull();
            assertThat(s.defaultTransient()).isEqualTo(e.transientSteps);
        }
    }

    @Test
    void givenParametersReplaceClassicOnesAndKeepTheirOrder() {
        ReferenceSystem s = ReferenceSystems.parse("henon:b=0.25,a=1.2");
        HenonMap map = (HenonMap) s.map();
        assertThat(map.a()).isEqualTo(1.2);
        assertThat(map.b()).isEqualTo(0.25);
        assertThat(s.parameters().keySet()).containsExactly("a", "b");

        ReferenceSystem lorenz = ReferenceSystems.parse("  Lorenz : rho = 99.96 , dt=0.005 ");
        assertThat(lorenz.name()).isEqualTo("lorenz");
        assertThat(lorenz.parameters()).containsExactly(Map.entry("sigma", 10.0), Map.entry("rho", 99.96),
                Map.entry("beta", 8.0 / 3), Map.entry("dt", 0.005));
        assertThat(((LorenzFlow) lorenz.map()).rho()).isEqualTo(99.96);
        assertThat(lorenz.map().timePerStep()).isEqualTo(0.005);

        assertThat(((RosslerFlow) ReferenceSystems.parse("rossler:c=4").map()).c()).isEqualTo(4);
        assertThat(((StandardMap) ReferenceSystems.parse("standard:k=0.5").map()).k()).isEqualTo(0.5);
        assertThat(((IkedaMap) ReferenceSystems.parse("ikeda:u=0.8").map()).u()).isEqualTo(0.8);
        assertThat(((TentMap) ReferenceSystems.parse("tent:mu=1.5").map()).mu()).isEqualTo(1.5);
        assertThat(((LogisticMap) ReferenceSystems.parse("logistic:r=3.5").map()).r()).isEqualTo(3.5);
        assertThat(ReferenceSystems.parse("henon:").parameters()).containsEntry("a", 1.4);
    }

    @Test
    void resultsCannotBeChangedFromOutside() {
        ReferenceSystem s = ReferenceSystems.parse("henon");
        s.initialState()[0] = 99;
        assertThat(s.initialState()[0]).isNotEqualTo(99);
        assertThatThrownBy(() -> s.parameters().put("a", 2.0)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(ReferenceSystems.parse("henon").initialState()).isEqualTo(s.initialState());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "x                 | system: unknown system 'x' (valid: " + VALID + ")",
            "Henonn:a=1        | system: unknown system 'Henonn' (valid: " + VALID + ")",
            "\"\"              | system is empty (valid: " + VALID + ")",
            "henon:c=1         | system henon: unknown parameter 'c' (valid: a, b)",
            "lorenz:s=1        | system lorenz: unknown parameter 's' (valid: sigma, rho, beta, dt)",
            "cat:k=1           | system cat: unknown parameter 'k' (cat has no parameters)",
            "henon:a=abc       | system henon: a must be a number (got 'abc')",
            "rossler:dt=       | system rossler: dt must be a number (got '')",
            "henon:a           | system henon: expected key=value, got 'a'",
            "henon:=1          | system henon: expected key=value, got '=1'",
            "henon:a=1,,b=2    | system henon: expected key=value, got ''",
            "henon:a=1,a=2     | system henon: parameter 'a' is given twice",
            "lorenz:dt=0       | system lorenz: dt must be a finite number > 0 (got 0.0)",
            "logistic:r=-1     | system logistic: r must be a finite number > 0 (got -1.0)",
            "tent:mu=Infinity  | system tent: mu must be a finite number > 0 (got Infinity)",
            "henon:a=NaN       | system henon: a and b must be finite numbers (got a = NaN, b = 0.3)",
            "ikeda:u=NaN       | system ikeda: u must be a finite number (got NaN)",
            "standard:k=-Infinity | system standard: k must be a finite number (got -Infinity)",
            "rossler:c=NaN     | system rossler: a, b and c must be finite numbers (got a = 0.2, b = 0.2, c = NaN)"})
    void badValuesNameTheSettingAndWhatIsValid(String value, String message) {
        assertThatThrownBy(() -> ReferenceSystems.parse(value)).isInstanceOf(BadInputException.class)
                .hasMessage(message);
    }

    @Test
    void nullIsEmpty() {
        assertThatThrownBy(() -> ReferenceSystems.parse(null)).isInstanceOf(BadInputException.class)
                .hasMessage("system is empty (valid: " + VALID + ")");
    }
}

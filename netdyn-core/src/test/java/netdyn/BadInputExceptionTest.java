package netdyn;

import static netdyn.BadInputException.mention;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import netdyn.analysis.DivergenceSpec;
import netdyn.series.LocalExpansionRatesSpec;

/** A bad setting's message in Java names, and the same message with every setting spelled another way. */
class BadInputExceptionTest {

    @Test
    void theMessageStartsWithTheSettingsJavaName() {
        BadInputException e = BadInputException.of("steps", "must be >= 1 (got 0)");
        assertThat(e).hasMessage("steps must be >= 1 (got 0)");
        assertThat(e.parameter()).isEqualTo("steps");
        assertThat(e.detail()).isEqualTo("must be >= 1 (got 0)");
        assertThat(e.owner()).isNull();
        assertThat(e.message(name -> "--" + name)).isEqualTo("--steps must be >= 1 (got 0)");
    }

    @Test
    void aDetailStartingWithAColonFollowsTheNameDirectly() {
        BadInputException e = BadInputException.of("loss", ": unknown loss 'hinge' (valid: ce, mse)");
        assertThat(e).hasMessage("loss: unknown loss 'hinge' (valid: ce, mse)");
        assertThat(e.message(name -> "--" + name)).isEqualTo("--loss: unknown loss 'hinge' (valid: ce, mse)");
    }

    @Test
    void mentionedSettingsAreSpelledLikeTheOneThatIsWrong() {
        BadInputException e = BadInputException.of(DivergenceSpec.class, "perturbAt", "must be in [0, ",
                mention("steps"), ") = [0, " + 50 + ") (got " + 500 + ")");
        assertThat(e).hasMessage("perturbAt must be in [0, steps) = [0, 50) (got 500)");
        assertThat(e.detail()).isEqualTo("must be in [0, steps) = [0, 50) (got 500)");
        assertThat(e.owner()).isEqualTo(DivergenceSpec.class);
        List<String> asked = new ArrayList<>();
        String shown = e.message(name -> {
            asked.add(name);
            return "<" + name + ">";
        });
        assertThat(shown).isEqualTo("<perturbAt> must be in [0, <steps>) = [0, 50) (got 500)");
        assertThat(asked).containsExactly("perturbAt", "steps");
    }

    @Test
    void theSpecsUseIt() {
        assertThatThrownBy(() -> new LocalExpansionRatesSpec(1e-5, 10, 24, 30, 10, 0.05, 0, 10, 0))
                .isInstanceOfSatisfying(BadInputException.class, e -> {
                    assertThat(e.owner()).isEqualTo(LocalExpansionRatesSpec.class);
                    assertThat(e.parameter()).isEqualTo("minFitEnd");
                    assertThat(e).hasMessage("minFitEnd must be between 4 and horizon + 1 = 25 (got 30)");
                    assertThat(e.message(n -> n.toUpperCase())).isEqualTo("MINFITEND must be between 4 and HORIZON "
                            + "+ 1 = 25 (got 30)");
                });
    }

    @Test
    void aMessageWithoutASettingIsKeptAsItIs() {
        BadInputException e = new BadInputException("data.csv: file not found");
        assertThat(e.parameter()).isNull();
        assertThat(e.owner()).isNull();
        assertThat(e.detail()).isEqualTo("data.csv: file not found");
        assertThat(e.message(name -> "--" + name)).isEqualTo("data.csv: file not found");
    }

    @Test
    void itTravelsWithItsMessage() throws IOException, ClassNotFoundException {
        BadInputException e = BadInputException.of(DivergenceSpec.class, "perturbAt", "must be below ",
                mention("steps"), " (got ", 7, ")");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(e);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            BadInputException back = (BadInputException) in.readObject();
            assertThat(back).hasMessage("perturbAt must be below steps (got 7)");
            assertThat(back.message(name -> "--" + name)).isEqualTo("--perturbAt must be below --steps (got 7)");
            assertThat(back.owner()).isEqualTo(DivergenceSpec.class);
        }
    }
}

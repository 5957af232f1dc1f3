package netdyn.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The SCIENCE.md §5 table, one test per row, exactly as {@code netdyn selfcheck} runs it. */
class KnownAnswersTest {

    @TestFactory
    Stream<DynamicTest> everyKnownAnswerIsWithinItsTolerance() {
        List<KnownAnswers.Row> rows = KnownAnswers.run();
        assertThat(rows).hasSizeGreaterThanOrEqualTo(9);
        return rows.stream().map(r -> DynamicTest.dynamicTest(r.system() + " " + r.quantity(), () ->
                assertThat(r.error()).as("%s %s: expected %s, measured %s", r.system(), r.quantity(), r.expected(),
                        r.measured()).isLessThanOrEqualTo(r.tolerance())));
    }
}

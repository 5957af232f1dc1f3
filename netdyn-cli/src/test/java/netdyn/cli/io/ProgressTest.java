package netdyn.cli.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Progress lines against a test clock: no test here waits for wall-clock time. */
class ProgressTest {
    private long now = 1_000_000_000L;

    @AfterEach
    void leaveNoStopBehind() {
        Interrupts.reset();
    }

    private List<String> run(long stepNanos, int steps, int sampleEvery, long total) {
        StringWriter text = new StringWriter();
        Progress p = new Progress(new PrintWriter(text), "train", "step", "loss", total, false, sampleEvery,
                () -> now);
        for (int t = 0; t < steps; t++) {
            now += stepNanos;
            p.update(t + 1, 0.5);
        }
        return text.toString().lines().toList();
    }

    @Test
    void stepsOfASecondAreReportedStepByStepWithAnEta() {
        // the old fixed stride of 64 calls printed the first line after 64 steps, about a minute here
        List<String> lines = run(1_000_000_000L, 25, 64, 201);
        assertThat(lines).isNotEmpty();
        assertThat(lines.get(0)).isEqualTo("netdyn train: step 2/201 (1%), loss 0.500000, 3 min 19 s left");
        assertThat(lines).as("every ten seconds when not on a terminal").hasSize(3);
        assertThat(lines.get(1)).startsWith("netdyn train: step 12/201");
        assertThat(lines.get(2)).startsWith("netdyn train: step 22/201").endsWith(", 2 min 59 s left");
    }

    @Test
    void fastStepsReadTheClockRarelyAndStillReport() {
        long[] reads = {0};
        StringWriter text = new StringWriter();
        Progress p = new Progress(new PrintWriter(text), "train", "step", "loss", 3_000_000, false, 64, () -> {
            reads[0]++;
            return now;
        });
        for (int t = 1; t <= 3_000_000; t++) {
            now += 7_000; // 7 µs a step: 21 s in all
            p.update(t, 0.1);
        }
        assertThat(reads[0]).as("clock reads").isLessThan(3_000_000 / 32);
        assertThat(text.toString().lines()).hasSize(2); // after 2 s and 12 s
    }

    @Test
    void aSweepsShareOfStepsGivesTheEtaBeforeTheFirstTaskEnds() {
        StringWriter text = new StringWriter();
        Progress p = new Progress(new PrintWriter(text), "sweep", "task", null, 4, false, 1, () -> now);
        now += 3_000_000_000L;
        p.update(0, Double.NaN, 0.25);
        assertThat(text.toString()).isEqualTo("netdyn sweep: task 0/4 (25%), 9 s left\n");
    }
}

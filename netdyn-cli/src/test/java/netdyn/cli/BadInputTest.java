package netdyn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every bad input of the train command: one line on stderr naming the problem, exit code 2, no stack trace. */
class BadInputTest {
    @TempDir
    Path tmp;

    private CliHarness train(String... extra) {
        String[] base = {"train", "--steps", "3", "--out", tmp.resolve("run").toString()};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return CliHarness.run(args);
    }

    private static void assertBadInput(CliHarness r, String... fragments) {
        assertThat(r.exitCode()).as("exit code; stderr: %s", r.err()).isEqualTo(2);
        assertThat(r.err().strip().lines().count()).as("one line: %s", r.err()).isEqualTo(1);
        assertThat(r.err()).startsWith("netdyn: ").doesNotContain("Exception").doesNotContain("\tat ");
        for (String f : fragments) {
            assertThat(r.err()).contains(f);
        }
        assertThat(r.out()).isEmpty();
    }

    private Path csv(String name, String content) throws IOException {
        Path p = tmp.resolve(name);
        Files.writeString(p, content);
        return p;
    }

    @Test
    void missingFile() {
        assertBadInput(train("--data", "csv:" + tmp.resolve("nope.csv")), "nope.csv", "not found");
    }

    @Test
    void emptyCsv() throws IOException {
        assertBadInput(train("--data", "csv:" + csv("empty.csv", "")), "empty.csv", "empty");
    }

    @Test
    void headerOnlyCsv() throws IOException {
        assertBadInput(train("--data", "csv:" + csv("h.csv", "a,b,label\n")), "h.csv", "no data rows");
    }

    @Test
    void nonNumericFeatureCellNamesLineAndColumn() throws IOException {
        Path p = csv("bad.csv", "1,2,0\n3,4,1\n5,abc,0\n");
        assertBadInput(train("--data", "csv:" + p), "bad.csv line 3, column 2", "'abc' is not a number");
    }

    @Test
    void raggedRows() throws IOException {
        Path p = csv("ragged.csv", "1,2,0\n3,4,1\n5,0\n");
        assertBadInput(train("--data", "csv:" + p), "ragged.csv line 3", "2 columns", "line 1 has 3");
    }

    @Test
    void singleClass() throws IOException {
        Path p = csv("one.csv", "1,2,a\n3,4,a\n5,6,a\n");
        assertBadInput(train("--data", "csv:" + p), "one.csv", "same label 'a'", "at least two classes");
    }

    @Test
    void nanValue() throws IOException {
        Path p = csv("nan.csv", "1,2,0\n3,NaN,1\n");
        assertBadInput(train("--data", "csv:" + p), "nan.csv line 2, column 2", "not a finite number");
    }

    @Test
    void infiniteValue() throws IOException {
        Path p = csv("inf.csv", "1,2,0\n-Infinity,4,1\n");
        assertBadInput(train("--data", "csv:" + p), "inf.csv line 2, column 1", "not a finite number");
    }

    @Test
    void unknownDatasetListsTheValidOnes() {
        assertBadInput(train("--data", "irsi"), "unknown dataset 'irsi'", "iris", "breast-cancer", "csv:PATH",
                "idx:PREFIX", "moons");
    }

    @Test
    void unknownActivation() {
        assertBadInput(train("--activation", "swish"), "--activation", "'swish'", "sigmoid, tanh, relu, linear");
    }

    @Test
    void unknownOutput() {
        assertBadInput(train("--output", "softplus"), "--output", "softmax, sigmoid-normalized, linear");
    }

    @Test
    void unknownLoss() {
        assertBadInput(train("--loss", "hinge"), "--loss", "ce, mse");
    }

    @Test
    void crossEntropyOnLinearOutputs() {
        assertBadInput(train("--output", "linear", "--loss", "ce"), "--loss ce needs --output softmax");
    }

    @Test
    void nonPositiveLearningRate() {
        assertBadInput(train("--lr", "0"), "--lr must be a finite number > 0 (got 0.0)");
        assertBadInput(train("--lr", "-0.5"), "--lr must be a finite number > 0 (got -0.5)");
    }

    @Test
    void nonFiniteLearningRate() {
        assertBadInput(train("--lr", "NaN"), "--lr must be a finite number > 0");
        assertBadInput(train("--lr", "Infinity"), "--lr must be a finite number > 0");
    }

    @Test
    void learningRateThatIsNotANumber() {
        assertBadInput(train("--lr", "fast"), "--lr", "fast");
    }

    @Test
    void stepsBelowOne() {
        assertBadInput(train("--steps", "0"), "--steps must be >= 1 (got 0)");
    }

    @Test
    void hiddenZero() {
        assertBadInput(train("--hidden", "0"), "--hidden", "must be >= 1 (got 0)", "--hidden none");
    }

    @Test
    void initFromWithTheWrongLengthSaysBothLengths() throws IOException {
        Path p = tmp.resolve("short.npy");
        try (NpyWriter w = NpyWriter.series(p)) {
            for (int i = 0; i < 80; i++) {
                w.append(i);
            }
        }
        assertBadInput(train("--init-from", p.toString()), "short.npy", "holds 80 values", "4-10-3", "83 parameters");
    }

    @Test
    void outputDirectoryThatExistsAndIsNotEmptyIsRefusedUnlessForced() throws IOException {
        Path out = tmp.resolve("run");
        CliHarness first = CliHarness.run("train", "--steps", "3", "--out", out.toString());
        assertThat(first.exitCode()).isZero();
        byte[] before = Files.readAllBytes(out.resolve("loss.npy"));
        assertBadInput(CliHarness.run("train", "--steps", "5", "--out", out.toString()), "--out", "not empty",
                "--force");
        assertThat(Files.readAllBytes(out.resolve("loss.npy"))).as("nothing already computed is lost")
                .isEqualTo(before);
        CliHarness forced = CliHarness.run("train", "--steps", "5", "--out", out.toString(), "--force");
        assertThat(forced.exitCode()).isZero();
    }

    @Test
    void forceDoesNotDeleteADirectoryThatIsNotARun() throws IOException {
        Path out = Files.createDirectories(tmp.resolve("mine"));
        Files.writeString(out.resolve("thesis.tex"), "precious");
        assertBadInput(CliHarness.run("train", "--steps", "3", "--out", out.toString(), "--force"),
                "not a netdyn run directory");
        assertThat(Files.readString(out.resolve("thesis.tex"))).isEqualTo("precious");
    }

    @Test
    void unknownOption() {
        assertBadInput(CliHarness.run("train", "--lr", "0.1", "--speed", "3"), "--speed");
    }
}

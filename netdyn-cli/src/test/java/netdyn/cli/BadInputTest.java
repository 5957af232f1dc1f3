package netdyn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import netdyn.cli.io.NpyWriter;

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


    private Path csv(String name, String content) throws IOException {
        Path p = tmp.resolve(name);
        Files.writeString(p, content);
        return p;
    }

    @Test
    void everyCommandTakesDebugAndThenShowsTheStackTrace() {
        for (String command : new String[] {"train", "regime", "selfcheck", "sweep", "atlas", "report", "lyapunov"}) {
            CliHarness r = command.equals("report") ? CliHarness.run(command, "somewhere", "--no-such-option", "--debug")
                    : CliHarness.run(command, "--no-such-option", "--debug");
            assertThat(r.exitCode()).as(command).isEqualTo(2);
            assertThat(r.err()).as(command).contains("--no-such-option").doesNotContain("Unknown option: '--debug'")
                    .contains("\tat ");
        }
        CliHarness plain = CliHarness.run("regime", "--no-such-option");
        assertThat(plain.err()).doesNotContain("\tat ");
    }

    @Test
    void missingFile() {
        train("--data", "csv:" + tmp.resolve("nope.csv")).assertBadInput("nope.csv", "not found");
    }

    @Test
    void emptyCsv() throws IOException {
        train("--data", "csv:" + csv("empty.csv", "")).assertBadInput("empty.csv", "empty");
    }

    @Test
    void headerOnlyCsv() throws IOException {
        train("--data", "csv:" + csv("h.csv", "a,b,label\n")).assertBadInput("h.csv", "no data rows");
    }

    @Test
    void nonNumericFeatureCellNamesLineAndColumn() throws IOException {
        Path p = csv("bad.csv", "1,2,0\n3,4,1\n5,abc,0\n");
        train("--data", "csv:" + p).assertBadInput("bad.csv line 3, column 2", "'abc' is not a number");
    }

    @Test
    void raggedRows() throws IOException {
        Path p = csv("ragged.csv", "1,2,0\n3,4,1\n5,0\n");
        train("--data", "csv:" + p).assertBadInput("ragged.csv line 3", "2 columns", "line 1 has 3");
    }

    @Test
    void singleClass() throws IOException {
        Path p = csv("one.csv", "1,2,a\n3,4,a\n5,6,a\n");
        train("--data", "csv:" + p).assertBadInput("one.csv", "same label 'a'", "at least two classes");
    }

    @Test
    void nanValue() throws IOException {
        Path p = csv("nan.csv", "1,2,0\n3,NaN,1\n");
        train("--data", "csv:" + p).assertBadInput("nan.csv line 2, column 2", "not a finite number");
    }

    @Test
    void infiniteValue() throws IOException {
        Path p = csv("inf.csv", "1,2,0\n-Infinity,4,1\n");
        train("--data", "csv:" + p).assertBadInput("inf.csv line 2, column 1", "not a finite number");
    }

    @Test
    void unknownDatasetListsTheValidOnes() {
        train("--data", "irsi").assertBadInput("unknown dataset 'irsi'", "iris", "breast-cancer", "csv:PATH",
                "idx:PREFIX", "moons");
    }

    @Test
    void unknownActivation() {
        train("--activation", "swish").assertBadInput("--activation", "'swish'", "sigmoid, tanh, relu, linear");
    }

    @Test
    void unknownOutput() {
        train("--output", "softplus").assertBadInput("--output", "softmax, sigmoid-normalized, linear");
    }

    @Test
    void unknownLoss() {
        train("--loss", "hinge").assertBadInput("--loss", "ce, mse");
    }

    @Test
    void crossEntropyOnLinearOutputs() {
        train("--output", "linear", "--loss", "ce").assertBadInput("--loss ce needs the softmax or sigmoid-normalized "
                + "output");
    }

    @Test
    void nonPositiveLearningRate() {
        train("--lr", "0").assertBadInput("--lr must be a finite number > 0 (got 0.0)");
        train("--lr", "-0.5").assertBadInput("--lr must be a finite number > 0 (got -0.5)");
    }

    @Test
    void nonFiniteLearningRate() {
        train("--lr", "NaN").assertBadInput("--lr must be a finite number > 0");
        train("--lr", "Infinity").assertBadInput("--lr must be a finite number > 0");
    }

    @Test
    void learningRateThatIsNotANumber() {
        train("--lr", "fast").assertBadInput("--lr", "fast");
    }

    @Test
    void stepsBelowOne() {
        train("--steps", "0").assertBadInput("--steps must be >= 1 (got 0)");
    }

    @Test
    void hiddenZero() {
        train("--hidden", "0").assertBadInput("--hidden layer widths must be >= 1 (got 0)", "none (no hidden layer)");
    }

    @Test
    void initFromWithTheWrongLengthSaysBothLengths() throws IOException {
        Path p = tmp.resolve("short.npy");
        try (NpyWriter w = NpyWriter.series(p)) {
            for (int i = 0; i < 80; i++) {
                w.append(i);
            }
        }
        train("--init-from", p.toString()).assertBadInput("short.npy", "holds 80 values", "4-10-3", "83 parameters");
    }

    @Test
    void initFromRowsOfTheWrongLengthSayBothLengths() throws IOException {
        Path p = tmp.resolve("rows.npy");
        try (NpyWriter w = NpyWriter.matrix(p, 90)) {
            w.appendRow(new double[90], 0);
            w.appendRow(new double[90], 0);
        }
        train("--init-from", p.toString()).assertBadInput("--init-from " + p + " holds rows of 90 values but the "
                + "4-10-3 network has 83 parameters");
    }

    /** A CSV of MNIST's length (60 000 rows, 5 columns here to stay small), the file written in the test. */
    private Path longCsv(String name, int brokenLine, String brokenRow) throws IOException {
        Path p = tmp.resolve(name);
        StringBuilder b = new StringBuilder(60_001 * 24).append("a,b,c,d,label\n");
        for (int r = 0; r < 60_000; r++) {
            if (r + 2 == brokenLine) {
                b.append(brokenRow).append('\n');
                continue;
            }
            b.append(r % 7).append(",0.5,").append(r % 3).append(",-1.25,").append(r % 10).append('\n');
        }
        Files.writeString(p, b);
        return p;
    }

    @Test
    void aBrokenCellDeepInASixtyThousandRowCsvNamesItsLineAndColumn() throws IOException {
        Path p = longCsv("big.csv", 54_321, "1,0.5,O.3,-1.25,4");
        train("--data", "csv:" + p).assertBadInput("big.csv line 54321, column 3: 'O.3' is not a number");
    }

    @Test
    void aShortRowDeepInASixtyThousandRowCsvNamesItsLine() throws IOException {
        Path p = longCsv("ragged-big.csv", 60_001, "1,0.5,2,7");
        train("--data", "csv:" + p).assertBadInput("ragged-big.csv line 60001: has 4 columns but line 1 has 5");
    }

    @Test
    void aSixtyThousandRowCsvLoads() throws IOException {
        Path p = longCsv("fine.csv", -1, null);
        CliHarness r = train("--data", "csv:" + p, "--hidden", "3");
        assertThat(r.exitCode()).as(r.err()).isZero();
    }

    /** An IDX file with the header of {@code n} 28 × 28 images (or n labels) and only {@code bytes} bytes of data. */
    private static byte[] idx(int rank, int n, int bytes) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(4 + 4 * rank + bytes);
        b.putInt(0x0800 | rank).putInt(n);
        if (rank == 3) {
            b.putInt(28).putInt(28);
        }
        return b.array();
    }

    @Test
    void anIdxImageFileCutShortNamesTheFileAndExpectedAgainstActualBytes() throws IOException {
        Files.write(tmp.resolve("cut-images-idx3-ubyte"), idx(3, 1000, 500 * 784));
        Files.write(tmp.resolve("cut-labels-idx1-ubyte"), idx(1, 1000, 1000));
        train("--data", "idx:" + tmp.resolve("cut")).assertBadInput(tmp.resolve("cut-images-idx3-ubyte") + ": cut "
                + "short: its header declares 1000 × 28 × 28 values of type 0x8, 784016 bytes in all, but the file has "
                + "392016 bytes");
    }

    @Test
    void aGzippedIdxLabelFileCutShortSaysSoAfterDecompression() throws IOException {
        Files.write(tmp.resolve("gz-images-idx3-ubyte"), idx(3, 10, 10 * 784));
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(tmp.resolve(
                "gz-labels-idx1-ubyte.gz")))) {
            out.write(idx(1, 10, 4));
        }
        train("--data", "idx:" + tmp.resolve("gz")).assertBadInput("gz-labels-idx1-ubyte.gz: cut short: its header "
                + "declares 10 values of type 0x8, 18 bytes in all, but the file has 12 bytes after decompression");
    }

    @Test
    void outputDirectoryThatExistsAndIsNotEmptyIsRefusedUnlessForced() throws IOException {
        Path out = tmp.resolve("run");
        CliHarness first = CliHarness.run("train", "--steps", "3", "--out", out.toString());
        assertThat(first.exitCode()).isZero();
        byte[] before = Files.readAllBytes(out.resolve("loss.npy"));
        CliHarness.run("train", "--steps", "5", "--out", out.toString()).assertBadInput("--out", "not empty",
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
        CliHarness.run("train", "--steps", "3", "--out", out.toString(), "--force").assertBadInput("not a netdyn run directory");
        assertThat(Files.readString(out.resolve("thesis.tex"))).isEqualTo("precious");
    }

    @Test
    void unknownOption() {
        CliHarness.run("train", "--lr", "0.1", "--speed", "3").assertBadInput("--speed");
    }
}

package netdyn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;

import com.fasterxml.jackson.databind.JsonNode;

import netdyn.cli.io.Json;

/** Runs the command line in-process and captures stdout, stderr and the exit code. */
record CliHarness(int exitCode, String out, String err) {

    static CliHarness run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new CliHarness(code, out.toString(), err.toString());
    }

    /** Exit 0, and stdout parsed as the one JSON object it must be. */
    JsonNode json() throws IOException {
        assertThat(exitCode).as(err).isZero();
        return Json.mapper().readTree(out);
    }

    /** The bad-input contract: exit 2, one line on stderr naming the problem, no stack trace, nothing on stdout. */
    void assertBadInput(String... fragments) {
        assertThat(exitCode).as("exit code; stderr: %s", err).isEqualTo(2);
        assertThat(err.strip().lines().count()).as("one line: %s", err).isEqualTo(1);
        assertThat(err).startsWith("netdyn: ").doesNotContain("Exception").doesNotContain("\tat ");
        for (String f : fragments) {
            assertThat(err).contains(f);
        }
        assertThat(out).isEmpty();
    }
}

package netdyn.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the command line in-process and captures stdout, stderr and the exit code. */
record CliHarness(int exitCode, String out, String err) {

    static CliHarness run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new CliHarness(code, out.toString(), err.toString());
    }
}

package netdyn.cli;

import java.io.PrintWriter;

import netdyn.BadInputException;
import netdyn.cli.io.Interrupts;
import netdyn.cli.io.OutputFiles;
import netdyn.cli.io.RunDirectory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code netdyn} command line. Exit codes: 0 success; 2 bad usage or bad input (one line on
 * stderr, no stack trace unless {@code --debug}); 1 a failure at run time. All mapping of
 * exceptions to exit codes happens here.
 */
@Command(name = "netdyn", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Neural-network training as a dynamical system.",
        subcommands = {TrainCommand.class, LyapunovCommand.class, SharpnessCommand.class, DivergenceCommand.class,
            SeriesCommand.class, RegimeCommand.class, SweepCommand.class, ReportCommand.class, AtlasCommand.class, SelfcheckCommand.class,
            CompletionCommand.class, ManualCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    public static final String VERSION = "0.1.0";

    /** Declared once for every command; {@link #run} reads the raw arguments, so it works when parsing fails too. */
    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Show stack traces of errors.")
    boolean debug;

    public static void main(String[] args) {
        Interrupts.install();
        int code = run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
        System.exit(code);
    }

    /** Runs a command line with the given writers; returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        boolean debug = java.util.Arrays.asList(args).contains("--debug");
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        cli.setOverwrittenOptionsAllowed(true); // the last value given wins, as in most tools
        cli.setParameterExceptionHandler((ex, a) -> {
            String help = ex.getCommandLine().getParent() == null ? "netdyn --help"
                    : "netdyn " + ex.getCommandLine().getCommandName() + " --help";
            err.println("netdyn: " + ex.getMessage().lines().findFirst().orElse("bad usage") + " (see " + help + ")");
            if (debug) {
                ex.printStackTrace(err);
            }
            return 2;
        });
        cli.setExecutionExceptionHandler((ex, c, parsed) -> {
            if (ex instanceof Interrupts.Stopped stopped) { // a result: what was written is kept
                err.println("netdyn: " + stopped.line());
                return stopped.exitCode();
            }
            java.nio.file.FileSystemException write = EarlyEnd.writeFailure(ex);
            if (write != null) {
                err.println("netdyn: " + OutputFiles.describe(write));
                if (debug) {
                    ex.printStackTrace(err);
                }
                return 1;
            }
            Throwable cause = ex;
            while (!(cause instanceof BadInputException) && cause.getCause() != null && cause.getCause() != cause) {
                cause = cause.getCause();
            }
            if (cause instanceof BadInputException bad) {
                err.println("netdyn: " + Flags.message(bad));
                if (debug) {
                    ex.printStackTrace(err);
                }
                return 2;
            }
            err.println("netdyn: failed: " + ex + (debug ? "" : " (rerun with --debug for the stack trace)"));
            if (debug) {
                ex.printStackTrace(err);
            }
            return 1;
        });
        int code;
        try {
            code = cli.execute(args);
        } catch (OutOfMemoryError e) { // an Error, so picocli passes it on; the run's summary says failed already
            err.println("netdyn: " + HeapReport.message());
            if (debug) {
                e.printStackTrace(err);
            }
            code = 1;
        } finally {
            RunDirectory.releaseAll(); // the next command in this JVM may write where this one wrote
            Interrupts.reset();
            HeapReport.reset();
        }
        out.flush();
        err.flush();
        return code;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "a command is required: train, lyapunov, sharpness, divergence, series, regime, sweep, report, atlas or selfcheck");
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"netdyn " + VERSION + " (Java " + System.getProperty("java.version") + ")"};
        }
    }
}

package netdyn.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

import netdyn.BadInputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code netdyn manual [COMMAND]}: a manual page in roff ({@code man}'s format) generated from the command
 * definitions: name, synopsis, description, every option with its default, and the examples and files of the
 * command's help.
 */
@Command(name = "manual", mixinStandardHelpOptions = true,
        description = "Print the manual page of netdyn or of one command, in man's format (roff).",
        footer = {"", "Examples:", "  ./netdyn manual train > netdyn-train.1 && man ./netdyn-train.1",
                "  for c in train divergence lyapunov sharpness series regime sweep report atlas selfcheck; do "
                        + "./netdyn manual $c > ~/.local/share/man/man1/netdyn-$c.1; done"})
final class ManualCommand implements Callable<Integer> {
    @Spec
    CommandSpec command;

    @Parameters(index = "0", arity = "0..1", paramLabel = "COMMAND", description = "A command (default: netdyn "
            + "itself, with the list of commands).")
    String of;

    @Override
    public Integer call() {
        CommandLine root = command.commandLine().getParent();
        CommandLine target = root;
        if (of != null) {
            target = root.getSubcommands().get(of.trim());
            if (target == null) {
                throw new BadInputException("manual: unknown command '" + of + "' (valid: "
                        + String.join(", ", root.getSubcommands().keySet()) + ")");
            }
        }
        PrintWriter out = command.commandLine().getOut();
        out.print(page(target, of == null ? "netdyn" : "netdyn-" + of.trim()));
        out.flush();
        return 0;
    }

    /** The roff text of one command's page. */
    static String page(CommandLine cli, String name) {
        CommandSpec spec = cli.getCommandSpec();
        StringBuilder b = new StringBuilder();
        b.append(".TH ").append(name.toUpperCase(Locale.ROOT)).append(" 1 \"\" \"netdyn ").append(Main.VERSION)
                .append("\" \"netdyn manual\"\n");
        b.append(".SH NAME\n").append(esc(name)).append(" \\- ").append(esc(first(spec.usageMessage().description())))
                .append('\n');
        b.append(".SH SYNOPSIS\n.B ").append(esc(spec.qualifiedName(" "))).append("\n[OPTIONS]");
        for (PositionalParamSpec p : spec.positionalParameters()) {
            b.append(' ').append(esc(p.paramLabel()));
        }
        b.append('\n');
        b.append(".SH DESCRIPTION\n").append(esc(String.join(" ", spec.usageMessage().description()))).append('\n');
        if (!cli.getSubcommands().isEmpty()) {
            b.append(".SH COMMANDS\n");
            cli.getSubcommands().forEach((sub, c) -> b.append(".TP\n.B ").append(esc(sub)).append('\n')
                    .append(esc(first(c.getCommandSpec().usageMessage().description()))).append('\n'));
        }
        b.append(".SH OPTIONS\n");
        for (OptionSpec o : spec.options()) {
            if (o.hidden()) {
                continue;
            }
            b.append(".TP\n.B ").append(esc(String.join(", ", o.names())));
            if (o.arity().max() > 0) {
                b.append(' ').append(esc(o.paramLabel()));
            }
            b.append('\n').append(esc(String.join(" ", help(o)))).append('\n');
        }
        String[] footer = spec.usageMessage().footer();
        if (footer.length > 0) {
            b.append(".SH NOTES\n.nf\n");
            for (String line : footer) {
                b.append(esc(line)).append('\n');
            }
            b.append(".fi\n");
        }
        b.append(".SH SEE ALSO\nnetdyn(1), the README of the netdyn repository.\n");
        return b.toString();
    }

    /** An option's description with picocli's variables (defaults, choices) filled in, as --help shows it. */
    private static String[] help(OptionSpec o) {
        String[] d = o.description();
        String[] out = new String[d.length];
        for (int i = 0; i < d.length; i++) {
            String candidates = "";
            if (o.completionCandidates() != null) {
                candidates = String.join(", ", o.completionCandidates());
            }
            out[i] = d[i].replace("${DEFAULT-VALUE}", String.valueOf(o.defaultValue()))
                    .replace("${COMPLETION-CANDIDATES}", candidates).replace("%%", "%");
        }
        return out;
    }

    private static String first(String[] lines) {
        return lines.length == 0 ? "" : lines[0];
    }

    /** Text safe in roff: backslashes doubled, a leading dot or quote escaped. */
    private static String esc(String s) {
        String t = s.replace("\\", "\\\\").replace("-", "\\-");
        StringBuilder b = new StringBuilder();
        for (String line : t.split("\n", -1)) {
            if (b.length() > 0) {
                b.append('\n');
            }
            b.append(line.startsWith(".") || line.startsWith("'") ? "\\&" + line : line);
        }
        return b.toString();
    }
}

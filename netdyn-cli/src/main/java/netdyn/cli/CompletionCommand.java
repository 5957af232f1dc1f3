package netdyn.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import netdyn.BadInputException;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code netdyn completion bash|zsh}: a shell completion script generated from the command definitions
 * (picocli's {@link AutoComplete}), so it always lists the options this version has.
 */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = "Print a shell completion script for netdyn (commands, options, choices).",
        footer = {"", "Install:", "  bash: ./netdyn completion bash > ~/.local/share/bash-completion/completions/netdyn",
                "        (or: source <(./netdyn completion bash) in ~/.bashrc)",
                "  zsh:  ./netdyn completion zsh > ~/.zsh/netdyn-completion.zsh, then in ~/.zshrc:",
                "        source ~/.zsh/netdyn-completion.zsh",
                "The script completes the command name netdyn: put ./netdyn on your PATH (e.g. a symlink in ~/bin)."})
final class CompletionCommand implements Callable<Integer> {
    @Spec
    CommandSpec command;

    @Parameters(index = "0", paramLabel = "SHELL", description = "bash or zsh.")
    String shell;

    @Override
    public Integer call() {
        String s = shell.trim();
        if (!s.equals("bash") && !s.equals("zsh")) {
            throw new BadInputException("completion: SHELL must be bash or zsh (got '" + s + "')");
        }
        CommandLine root = command.commandLine().getParent();
        String script = AutoComplete.bash("netdyn", root);
        PrintWriter out = command.commandLine().getOut();
        if (s.equals("zsh")) {
            // picocli's script is bash; zsh runs it through its bash-completion emulation
            out.println("autoload -U +X compinit && compinit");
            out.println("autoload -U +X bashcompinit && bashcompinit");
        }
        out.print(script);
        out.flush();
        return 0;
    }
}

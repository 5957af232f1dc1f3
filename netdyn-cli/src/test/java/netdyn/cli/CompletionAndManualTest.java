package netdyn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** {@code netdyn completion bash|zsh} and {@code netdyn manual}, generated from the command definitions. */
class CompletionAndManualTest {
    private static final List<String> COMMANDS = List.of("train", "lyapunov", "sharpness", "divergence", "series",
            "regime", "sweep", "report", "atlas", "selfcheck", "completion", "manual");

    @Test
    void theBashScriptCompletesEveryCommandAndItsOptions() {
        CliHarness bash = CliHarness.run("completion", "bash");
        assertThat(bash.exitCode()).as(bash.err()).isZero();
        assertThat(bash.out()).startsWith("#!/usr/bin/env bash").contains("complete -F _complete_netdyn -o default netdyn")
                .contains("--preset").contains("--target-accuracy").contains("--report")
                .contains("(\"sigmoid\" \"tanh\" \"relu\" \"linear\")"); // an option's choices
        for (String c : COMMANDS) {
            assertThat(bash.out()).as(c).contains(c);
        }
        CliHarness zsh = CliHarness.run("completion", "zsh");
        assertThat(zsh.exitCode()).isZero();
        assertThat(zsh.out()).startsWith("autoload -U +X compinit && compinit").contains("bashcompinit")
                .contains("_complete_netdyn");
        CliHarness.run("completion", "fish").assertBadInput("SHELL must be bash or zsh (got 'fish')");
    }

    @Test
    void theManualPagesAreRoffWithEveryOption() {
        CliHarness train = CliHarness.run("manual", "train");
        assertThat(train.exitCode()).as(train.err()).isZero();
        assertThat(train.out()).startsWith(".TH NETDYN-TRAIN 1").contains(".SH SYNOPSIS").contains(".SH OPTIONS")
                .contains(".B \\-\\-lr ETA").contains("(default: 0.01)").contains(".B \\-\\-report")
                .doesNotContain("${DEFAULT-VALUE}");
        CliHarness top = CliHarness.run("manual");
        assertThat(top.out()).startsWith(".TH NETDYN 1").contains(".SH COMMANDS");
        for (String c : COMMANDS) {
            assertThat(top.out()).as(c).contains(".B " + c);
        }
        CliHarness.run("manual", "trian").assertBadInput("manual: unknown command 'trian'");
    }
}

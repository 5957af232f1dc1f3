package netdyn.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import netdyn.analysis.KnownAnswers;
import netdyn.cli.io.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code netdyn selfcheck}: the known-answer table, expected against measured; exit 1 on any miss. */
@Command(name = "selfcheck", mixinStandardHelpOptions = true,
        description = "Run the known-answer table (SCIENCE.md §5: logistic, Hénon, cat map, Lorenz, gradient descent on "
                + "quadratics and least squares) through netdyn's estimators and print expected, measured and error. "
                + "Exit code 1 if any row misses its tolerance.")
final class SelfcheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec command;

    @Option(names = "--json", description = "Print the table as one JSON object on stdout.")
    boolean json;

    @Override
    public Integer call() {
        long start = System.nanoTime();
        List<KnownAnswers.Row> rows = KnownAnswers.run();
        double seconds = (System.nanoTime() - start) / 1e9;
        boolean ok = rows.stream().allMatch(KnownAnswers.Row::passed);
        PrintWriter out = command.commandLine().getOut();
        if (json) {
            List<Map<String, Object>> list = new ArrayList<>();
            for (KnownAnswers.Row r : rows) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("system", r.system());
                m.put("quantity", r.quantity());
                m.put("expected", r.expected());
                m.put("measured", Json.number(r.measured()));
                m.put("error", Json.number(r.error()));
                m.put("errorKind", r.relative() ? "relative" : "absolute");
                m.put("tolerance", r.tolerance());
                m.put("passed", r.passed());
                list.add(m);
            }
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("passed", ok);
            summary.put("rows", list);
            summary.put("seconds", seconds);
            out.println(Json.write(summary));
        } else {
            out.printf(Locale.ROOT, "%-44s %-18s %13s %13s %10s %10s  %s%n",
                    "system", "quantity", "expected", "measured", "error",
                    "tolerance", "");
            for (KnownAnswers.Row r : rows) {
                out.printf(Locale.ROOT, "%-44s %-18s %13.6f %13.6f %10.2e %10s  %s%n",
                        r.system(), r.quantity(), r.expected(),
                        r.measured(), r.error(), (r.relative() ? String.format(Locale.ROOT, "%.1f%%",
                                100 * r.tolerance())
                                : String.format(Locale.ROOT, "%.0e", r.tolerance())), r.passed() ? "ok" : "MISS");
            }
            out.printf(Locale.ROOT, "%s: %d of %d rows within tolerance (%.1f s)%n",
                    ok ? "selfcheck passed" : "selfcheck FAILED",
                    rows.stream().filter(KnownAnswers.Row::passed).count(), rows.size(), seconds);
        }
        return ok ? 0 : 1;
    }
}

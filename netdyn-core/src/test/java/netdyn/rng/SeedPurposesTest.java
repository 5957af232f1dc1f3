package netdyn.rng;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The seed registry {@link Seeds#PURPOSES} is complete and has nothing stale: every purpose passed to
 * {@code Seeds.derive} or {@code Seeds.generator} in the main sources of every module is listed, and every
 * listed purpose is passed somewhere. Calls are found in the source text (comments and the insides of string
 * literals are skipped, so a call written in a Javadoc or a manifest text does not count); the purpose must be a
 * string literal, so that this check can read it.
 */
class SeedPurposesTest {

    /** One purpose argument where it is written: file:line and the literal (null when it is not a literal). */
    record Use(String where, String purpose, String argument) {
    }

    /** The project root: tests run in their module's directory, netdyn-core/. */
    static Path root() {
        Path root = Path.of("").toAbsolutePath().getParent();
        assertThat(root.resolve("netdyn-core/src/main/java/netdyn/rng/Seeds.java")).as("tests run in netdyn-core/")
                .isRegularFile();
        return root;
    }

    /** Every module's src/main/java (netdyn-core and netdyn-cli at least). */
    static List<Path> mainSourceRoots() throws IOException {
        List<Path> roots = new ArrayList<>();
        try (Stream<Path> modules = Files.list(root())) {
            for (Path m : modules.sorted().toList()) {
                Path src = m.resolve("src/main/java");
                if (Files.isDirectory(src)) {
                    roots.add(src);
                }
            }
        }
        return roots;
    }

    static List<Use> usesInMainSources() throws IOException {
        List<Use> uses = new ArrayList<>();
        for (Path src : mainSourceRoots()) {
            try (Stream<Path> files = Files.walk(src)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                    String name = root().relativize(f).toString();
                    String text = Files.readString(f, StandardCharsets.UTF_8);
                    // an unqualified derive(…) after a static import would escape the scan
                    assertThat(codeOnly(text)).as("%s: call Seeds.derive / Seeds.generator qualified", name)
                            .doesNotContain("import static netdyn.rng.Seeds");
                    uses.addAll(uses(name, text));
                }
            }
        }
        return uses;
    }

    @Test
    void theCoreAndTheCommandLineAreScanned() throws IOException {
        assertThat(mainSourceRoots()).extracting(p -> root().relativize(p).toString())
                .contains("netdyn-core/src/main/java", "netdyn-cli/src/main/java");
        assertThat(usesInMainSources()).extracting(Use::purpose).contains("init", "perturbation", "sweep-qr");
    }

    @Test
    void everyPurposeInUseIsInTheRegistry() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Use u : usesInMainSources()) {
            if (u.purpose() == null) {
                problems.add(u.where() + ": the purpose '" + u.argument() + "' is not a string literal; write the "
                        + "literal so the registry can be checked");
            } else if (!Seeds.PURPOSES.containsKey(u.purpose())) {
                problems.add(u.where() + ": seed purpose \"" + u.purpose() + "\" is not listed in Seeds.PURPOSES");
            }
        }
        assertThat(problems).as("add each purpose to Seeds.PURPOSES with one line on what it seeds").isEmpty();
    }

    @Test
    void everyRegisteredPurposeIsUsed() throws IOException {
        Set<String> used = new TreeSet<>();
        for (Use u : usesInMainSources()) {
            if (u.purpose() != null) {
                used.add(u.purpose());
            }
        }
        Set<String> stale = new TreeSet<>(Seeds.PURPOSES.keySet());
        stale.removeAll(used);
        assertThat(stale).as("purposes listed in Seeds.PURPOSES but passed to Seeds.derive/generator nowhere")
                .isEmpty();
    }

    @Test
    void everyRegisteredPurposeSaysWhatItSeeds() {
        Seeds.PURPOSES.forEach((purpose, meaning) -> {
            assertThat(purpose).matches("[a-z0-9]+(-[a-z0-9]+)*");
            assertThat(meaning).as(purpose).startsWith("(").doesNotContain("\n").hasSizeGreaterThan(20);
        });
    }

    /** The scanner itself, on a source with every way a call can be written or merely mentioned. */
    @Test
    void theScannerFindsCallsAndOnlyCalls() {
        String source = """
                /** Draws from {@code Seeds.generator(seed, "in-javadoc")}. */
                class X {
                    // Seeds.derive(seed, "in-line-comment")
                    /* Seeds.derive(seed, "in-block-comment") */
                    String text = "Seeds.derive(seed, \\"in-a-string\\")";
                    String block = \"""
                            Seeds.derive(seed, "in-a-text-block")
                            \""";
                    char quote = '"';
                    long a = Seeds.derive(master, "one-line", 3);
                    SplitMix64 b = Seeds
                            .generator(f(x, y),
                                    "split, (over) lines" , i, j);
                    long c = netdyn.rng.Seeds.derive(m, PURPOSE);
                    long d = Seeds.derive(m, "x" + suffix);
                }
                """;
        assertThat(uses("X.java", source)).containsExactly(
                new Use("X.java:10", "one-line", "\"one-line\""),
                new Use("X.java:11", "split, (over) lines", "\"split, (over) lines\""),
                new Use("X.java:14", null, "PURPOSE"),
                new Use("X.java:15", null, "\"x\" + suffix"));
    }

    private static final Pattern CALL = Pattern.compile("\\bSeeds\\s*\\.\\s*(derive|generator)\\s*\\(");
    private static final Pattern LITERAL = Pattern.compile("\"[^\"]*\"");

    /** The purpose argument of every Seeds.derive / Seeds.generator call in {@code source}. */
    static List<Use> uses(String file, String source) {
        String code = codeOnly(source);
        List<Use> found = new ArrayList<>();
        Matcher m = CALL.matcher(code);
        while (m.find()) {
            int line = 1 + (int) code.substring(0, m.start()).chars().filter(c -> c == '\n').count();
            int[] second = secondArgument(code, m.end());
            String where = file + ":" + line;
            if (second == null) {
                found.add(new Use(where, null, "(none)"));
                continue;
            }
            String masked = code.substring(second[0], second[1]).strip();
            String original = source.substring(second[0], second[1]).strip();
            boolean literal = LITERAL.matcher(masked).matches();
            found.add(new Use(where, literal ? original.substring(1, original.length() - 1) : null, original));
        }
        return found;
    }

    /** [start, end) of the second top-level argument of the call whose '(' ends at {@code from}, or null. */
    private static int[] secondArgument(String code, int from) {
        int depth = 0;
        int start = -1;
        for (int i = from; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                if (depth == 0) {
                    return start < 0 ? null : new int[] {start, i};
                }
                depth--;
            } else if (c == ',' && depth == 0) {
                if (start >= 0) {
                    return new int[] {start, i};
                }
                start = i + 1;
            }
        }
        return null;
    }

    /**
     * {@code source} with comments and the contents of string, text-block and char literals replaced by spaces
     * (the quotes kept, line breaks kept), so that positions and line numbers stay those of the source.
     */
    static String codeOnly(String source) {
        StringBuilder out = new StringBuilder(source.length());
        int n = source.length();
        int i = 0;
        while (i < n) {
            char c = source.charAt(i);
            if (source.startsWith("//", i)) {
                while (i < n && source.charAt(i) != '\n') {
                    out.append(' ');
                    i++;
                }
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                blank(source, i, end, out);
                i = end;
            } else if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                end = end < 0 ? n : end + 3;
                out.append("\"\"\"");
                blank(source, i + 3, end - 3, out);
                out.append("\"\"\"");
                i = end;
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < n && source.charAt(j) != c && source.charAt(j) != '\n') {
                    j += source.charAt(j) == '\\' ? 2 : 1;
                }
                int end = Math.min(j, n);
                out.append(c);
                blank(source, i + 1, end, out);
                if (end < n) {
                    out.append(source.charAt(end));
                }
                i = end + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static void blank(String source, int from, int to, StringBuilder out) {
        for (int k = from; k < to; k++) {
            out.append(source.charAt(k) == '\n' ? '\n' : ' ');
        }
    }
}

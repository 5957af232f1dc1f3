package netdyn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Core never spells a command-line flag: its messages name settings by their Java names and the command line
 * turns them into flags (STYLE.md 6). Every string literal in core's main sources is checked for flag text,
 * "--" followed by a letter. Comments are not checked: Javadoc may describe the command line as context (the
 * file format that {@code --init-from} reads, the seeds that equal {@code netdyn train --seed}'s), and a comment
 * never reaches a user, while every message core throws is built from string literals.
 */
class CoreSpeaksJavaTest {
    private static final Pattern FLAG = Pattern.compile("--[A-Za-z]");

    @Test
    void noStringLiteralInCoreHoldsAFlag() throws IOException {
        Path root = Path.of("src/main/java");
        assertThat(root).isDirectory();
        List<String> found = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(100);
        for (Path file : files) {
            for (Literal l : literals(Files.readString(file))) {
                if (FLAG.matcher(l.text()).find()) {
                    found.add(root.relativize(file) + ":" + l.line() + ": \"" + l.text() + "\"");
                }
            }
        }
        assertThat(found).as("flag text in core (name the Java setting with BadInputException.of; the command line "
                + "maps it to its flag in netdyn.cli.Flags)").isEmpty();
    }

    @Test
    void theScannerFindsLiteralsAndSkipsComments() {
        String source = """
                /** Parses a {@code --system} value. "--in-javadoc" */
                class A { // "--line-comment"
                    String a = "--steps must be"; /* "--block" */
                    String b = "a \\" --quoted \\" b" + '"' + "--after-char";
                    char c = '\\'';
                    String d = \"""
                        text block --lr
                        \""";
                    String e = "x-- y - -z --1";
                }
                """;
        List<Literal> all = literals(source);
        assertThat(all.stream().map(Literal::text).filter(t -> FLAG.matcher(t).find()))
                .containsExactly("--steps must be", "a \\\" --quoted \\\" b", "--after-char",
                        "\n        text block --lr\n        ");
        assertThat(all).extracting(Literal::line).containsExactly(3, 4, 4, 6, 9);
    }

    /** A string literal's text as written (escapes not resolved) and the line it starts on. */
    record Literal(String text, int line) {
    }

    /** The string literals and text blocks of Java source, outside comments and character literals. */
    static List<Literal> literals(String s) {
        List<Literal> out = new ArrayList<>();
        int line = 1;
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == '\n') {
                line++;
                i++;
            } else if (s.startsWith("//", i)) {
                while (i < n && s.charAt(i) != '\n') {
                    i++;
                }
            } else if (s.startsWith("/*", i)) {
                int end = s.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                line += count(s, i, end);
                i = end;
            } else if (s.startsWith("\"\"\"", i)) {
                int start = i + 3;
                int j = start;
                while (j < n && !s.startsWith("\"\"\"", j)) {
                    j += s.charAt(j) == '\\' ? 2 : 1;
                }
                out.add(new Literal(s.substring(start, Math.min(j, n)), line));
                line += count(s, i, Math.min(j, n));
                i = Math.min(j + 3, n);
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < n && s.charAt(j) != c && s.charAt(j) != '\n') {
                    j += s.charAt(j) == '\\' ? 2 : 1;
                }
                if (c == '"') {
                    out.add(new Literal(s.substring(i + 1, Math.min(j, n)), line));
                }
                i = j + 1;
            } else {
                i++;
            }
        }
        return out;
    }

    private static int count(String s, int from, int to) {
        int k = 0;
        for (int i = from; i < to; i++) {
            if (s.charAt(i) == '\n') {
                k++;
            }
        }
        return k;
    }
}

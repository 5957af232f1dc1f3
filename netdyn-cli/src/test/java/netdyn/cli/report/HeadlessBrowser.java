package netdyn.cli.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

/**
 * Renders a local HTML file in headless Chromium: once with {@code --dump-dom} (the DOM after the page's scripts
 * ran) and once with {@code --screenshot}. Looks for chromium (or chromium-browser, google-chrome) on PATH and in
 * /usr/bin and never installs anything: {@code .ci/run} installs Debian's {@code chromium} before the tests. Where
 * no browser is found the calling test is skipped (aborted, with the reason as its message) and one line saying so
 * goes to stderr, once per JVM, so a run without a browser says that it did not test the pages in one.
 *
 * <p>Console filter: Chromium with {@code --enable-logging=stderr} prints every page console message (log, warn,
 * error, uncaught exceptions) as {@code [pid:tid:time:INFO:CONSOLE:n] "message", source: url (line)}; everything
 * else on stderr is Chromium's own noise (dbus, gpu, sandbox, vaapi, the launcher script). The harness keeps lines
 * containing {@code :CONSOLE} or {@code Uncaught}, and {@code ERROR:} lines whose source is a {@code file:} URL, as
 * console errors: a report page must not log at all.
 */
final class HeadlessBrowser {

    /** What the browser made of a page. */
    record Rendered(String dom, int figuresRendered, int figuresTotal, List<String> consoleErrors, Path screenshot) {
    }

    private static final Pattern FIGURES = Pattern.compile("<body[^>]*\\bdata-figures=\"(\\d+)/(\\d+)\"");
    private static final long RUN_TIMEOUT_S = 60;
    private static final List<String> NAMES = List.of("chromium", "chromium-browser", "google-chrome");
    private static String cachedBinary;
    private static boolean searched;
    private static boolean reported;

    private final String binary;

    private HeadlessBrowser(String binary) {
        this.binary = binary;
    }

    /** A browser; skips the current test, saying why on stderr, when there is none. */
    static synchronized HeadlessBrowser locateOrSkip() {
        if (!searched) {
            String path = System.getenv().getOrDefault("PATH", "");
            List<String> dirs = new ArrayList<>(List.of(path.split(java.io.File.pathSeparator)));
            dirs.add("/usr/bin");
            cachedBinary = find(dirs);
            searched = true;
        }
        if (cachedBinary == null) {
            String reason = "no " + String.join(", ", NAMES) + " on PATH or in /usr/bin: browser test skipped "
                    + "(.ci/run installs Debian's chromium; the tests install nothing)";
            if (!reported) {
                System.err.println("netdyn tests: " + reason);
                reported = true;
            }
            Assumptions.abort(reason);
        }
        return new HeadlessBrowser(cachedBinary);
    }

    /** The first executable named chromium, chromium-browser or google-chrome in {@code dirs}, or null. */
    static String find(List<String> dirs) {
        for (String name : NAMES) {
            for (String dir : dirs) {
                if (dir.isEmpty()) {
                    continue;
                }
                Path p = Path.of(dir, name);
                if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                    return p.toString();
                }
            }
        }
        return null;
    }

    private static String lastLine(String s) {
        String[] lines = s.strip().split("\n");
        return lines.length == 0 ? "" : lines[lines.length - 1];
    }

    /**
     * Loads {@code html} (a local file) twice: dumps the DOM after scripts ran and the {@code load} event fired
     * (virtual time budget 5 s), and saves a screenshot of {@code 1200 × windowHeight} px to {@code screenshotPng}.
     */
    Rendered render(Path html, Path screenshotPng, int windowHeight) throws IOException {
        String url = html.toAbsolutePath().toUri().toString();
        Result dump = chromium(List.of("--dump-dom", url));
        if (dump.exit != 0) {
            throw new IOException("chromium --dump-dom exited " + dump.exit + ": " + lastLine(dump.err));
        }
        Files.createDirectories(screenshotPng.toAbsolutePath().getParent());
        Files.deleteIfExists(screenshotPng);
        Result shot = chromium(List.of("--screenshot=" + screenshotPng.toAbsolutePath(),
                "--window-size=1200," + windowHeight, url));
        if (shot.exit != 0 || !Files.exists(screenshotPng)) {
            throw new IOException("chromium --screenshot exited " + shot.exit + ": " + lastLine(shot.err));
        }
        List<String> console = new ArrayList<>(consoleErrors(dump.err));
        for (String line : consoleErrors(shot.err)) {
            if (!console.contains(line)) {
                console.add(line);
            }
        }
        Matcher m = FIGURES.matcher(dump.out);
        int rendered = -1;
        int total = -1;
        if (m.find()) {
            rendered = Integer.parseInt(m.group(1));
            total = Integer.parseInt(m.group(2));
        }
        return new Rendered(dump.out, rendered, total, console, screenshotPng);
    }

    /** The page's console messages among chromium's stderr lines (see the class comment). */
    static List<String> consoleErrors(String stderr) {
        List<String> out = new ArrayList<>();
        for (String line : stderr.split("\n")) {
            boolean page = line.contains(":CONSOLE") || line.contains("Uncaught")
                    || (line.contains("ERROR:") && line.contains("source: file:"));
            if (page) {
                // drop the "[pid:tid:time:LEVEL:CONSOLE:n] " prefix so messages compare across runs
                out.add(line.replaceFirst("^\\[[^\\]]*\\]\\s*", "").strip());
            }
        }
        return out;
    }

    private Result chromium(List<String> args) throws IOException {
        Path profile = Files.createTempDirectory("netdyn-chromium-");
        try {
            List<String> cmd = new ArrayList<>(List.of(binary, "--headless", "--no-sandbox", "--disable-gpu",
                    "--disable-dev-shm-usage", "--disable-background-networking", "--no-first-run",
                    "--hide-scrollbars", "--enable-logging=stderr", "--v=0", "--virtual-time-budget=5000",
                    "--user-data-dir=" + profile));
            cmd.addAll(args);
            return run(cmd, RUN_TIMEOUT_S, profile);
        } finally {
            deleteTree(profile);
        }
    }

    private record Result(int exit, String out, String err) {
    }

    private static Result run(List<String> cmd, long timeoutS, Path dir) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(cmd);
        if (dir != null) {
            pb.directory(dir.toFile());
        }
        Process p = pb.start();
        p.getOutputStream().close();
        // one thread per stream: the common pool may have a single worker on a small machine
        CompletableFuture<String> out = drain(p.getInputStream());
        CompletableFuture<String> err = drain(p.getErrorStream());
        try {
            if (!p.waitFor(timeoutS, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(5, TimeUnit.SECONDS);
                throw new IOException(cmd.get(0) + " timed out after " + timeoutS + " s");
            }
            return new Result(p.exitValue(), out.join(), err.join());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IOException("interrupted while running " + cmd.get(0), e);
        }
    }

    private static CompletableFuture<String> drain(InputStream in) {
        CompletableFuture<String> f = new CompletableFuture<>();
        Thread t = new Thread(() -> f.complete(slurp(in)), "chromium-drain");
        t.setDaemon(true);
        t.start();
        return f;
    }

    private static String slurp(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary profile is harmless
        }
    }
}

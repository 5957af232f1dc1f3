package netdyn.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bash launcher {@code ./netdyn} runs a copy of itself in a temporary root whose netdyn.jar holds only
 * {@link FakeNetdyn}: no pom.xml or sources there, so its staleness check finds nothing newer and it does not build.
 */
class LauncherTest {
    private static final String FAKE = "netdyn/cli/LauncherTest$FakeNetdyn.class";
    private static final String WARNING = "WARNING: Using incubator modules";

    @TempDir
    Path tmp;

    private Path launcher;
    private final List<Long> fakePids = new ArrayList<>();
    private final List<Process> launched = new ArrayList<>();

    @BeforeAll
    static void needsBash() {
        boolean bash;
        try {
            bash = new ProcessBuilder("bash", "-c", "exit 0").start().waitFor() == 0;
        } catch (IOException e) {
            bash = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            bash = false;
        }
        assumeTrue(bash, "bash is not available: the launcher is a bash script");
    }

    @BeforeEach
    void fakeRoot() throws IOException {
        Path original = Path.of("").toAbsolutePath().resolveSibling("netdyn"); // tests run in netdyn-cli/
        assertThat(original).as("the launcher next to netdyn-cli/").isRegularFile();
        launcher = Files.copy(original, tmp.resolve("netdyn"));
        Path jar = Files.createDirectories(tmp.resolve("netdyn-cli/target")).resolve("netdyn.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, FakeNetdyn.class.getName());
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest);
             InputStream in = LauncherTest.class.getClassLoader().getResourceAsStream(FAKE)) {
            assertThat(in).as(FAKE + " on the test class path").isNotNull();
            out.putNextEntry(new JarEntry(FAKE));
            in.transferTo(out);
            out.closeEntry();
        }
    }

    /** A failing test must not leave a fake JVM behind (with the old launcher, killing it did not). */
    @AfterEach
    void noFakeLeftBehind() {
        launched.forEach(Process::destroyForcibly);
        fakePids.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
    }

    @Test
    void theLaunchersPidIsTheJvmsPid() throws Exception {
        Launched l = launch("wait");
        assertThat(l.fakePid()).as("pid printed by the JVM").isEqualTo(l.process.pid());
    }

    @Test
    void killMinus9OfTheLauncherLeavesNoJvmBehind() throws Exception {
        Launched l = launch("wait");
        long pid = l.fakePid();
        l.process.destroyForcibly();
        assertThat(within(5, () -> ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isEmpty()))
                .as("the JVM (pid %d) is gone within 5 s of kill -9 of the launcher (pid %d)", pid, l.process.pid())
                .isTrue();
    }

    @Test
    void sigtermToTheLauncherReachesTheJvm() throws Exception {
        Path marker = tmp.resolve("shutdown-hook-ran");
        Launched l = launch("wait", marker.toString());
        l.fakePid(); // printed after the hook is installed
        l.process.destroy();
        assertThat(l.process.waitFor(30, TimeUnit.SECONDS)).as("ended after SIGTERM").isTrue();
        assertThat(marker).as("written by the JVM's shutdown hook").exists();
        assertThat(l.process.exitValue()).as("the JVM's exit code on SIGTERM").isEqualTo(143);
    }

    @Test
    void theIncubatorWarningIsDroppedAndOtherStderrLinesPass() throws Exception {
        Launched l = launch("exit", "0");
        assertThat(l.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        l.drained();
        // the JVM ran with the incubator module, so it printed the warning, and the launcher dropped it
        assertThat(l.out()).contains("incubator module: true\n");
        assertThat(l.err()).isEqualTo("fake: a line on stderr\nfake: and another\n").doesNotContain(WARNING);
    }

    @Test
    void exitCodeAndArgumentsPassThrough() throws Exception {
        Launched l = launch("exit", "3", "two  spaces", "", " edge ", "*", "$HOME");
        assertThat(l.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        l.drained();
        assertThat(l.process.exitValue()).as("stderr: %s", l.err()).isEqualTo(3);
        assertThat(l.out()).endsWith("arg=[exit]\narg=[3]\narg=[two  spaces]\narg=[]\narg=[ edge ]\narg=[*]\n"
                + "arg=[$HOME]\n");
    }

    @Test
    void theJvmGetsThreeQuartersOfTheMemoryByDefault() throws Exception {
        String out = jvm(null);
        assertThat(out).contains("jvm arg=[-XX:MaxRAMPercentage=75]\n");
        long physical = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getTotalMemorySize();
        // the JVM's default would be a quarter; 75 % of the machine (or the container's limit) allows more
        assertThat(maxHeap(out)).isGreaterThan(physical / 2).isLessThanOrEqualTo(physical);
    }

    @Test
    void netdynJavaOptsWithAHeapSizeOverridesTheDefault() throws Exception {
        String out = jvm("-Xmx300m");
        assertThat(out).contains("jvm arg=[-Xmx300m]\n").doesNotContain("MaxRAMPercentage");
        assertThat(maxHeap(out)).isBetween(250L << 20, 300L << 20);
        assertThat(jvm("-XX:MaxRAMPercentage=10 -Xss2m")).contains("jvm arg=[-XX:MaxRAMPercentage=10]\n")
                .contains("jvm arg=[-Xss2m]\n").doesNotContain("MaxRAMPercentage=75");
        assertThat(jvm("-Xss2m")).as("options that do not size the heap keep the default")
                .contains("jvm arg=[-XX:MaxRAMPercentage=75]\n").contains("jvm arg=[-Xss2m]\n");
    }

    /** What the fake prints in {@code jvm} mode, run with {@code NETDYN_JAVA_OPTS} (null: unset). */
    private String jvm(String javaOpts) throws Exception {
        Launched l = launch(javaOpts == null ? java.util.Map.of() : java.util.Map.of("NETDYN_JAVA_OPTS", javaOpts),
                "jvm");
        assertThat(l.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        l.drained();
        assertThat(l.process.exitValue()).as(l.err()).isZero();
        return l.out();
    }

    private static long maxHeap(String out) {
        return Long.parseLong(out.substring(out.indexOf("max heap ") + 9).strip().lines().findFirst().orElseThrow());
    }

    private Launched launch(String... args) throws IOException {
        return launch(java.util.Map.of(), args);
    }

    private Launched launch(java.util.Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("bash", launcher.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(tmp.toFile());
        // the JVM running this test, first on the PATH; no options that would make java print more
        pb.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + java.io.File.pathSeparator
                + pb.environment().getOrDefault("PATH", ""));
        pb.environment().keySet().removeAll(List.of("NETDYN_JAVA_OPTS", "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS",
                "_JAVA_OPTIONS"));
        pb.environment().putAll(env);
        Launched l = new Launched(pb.start());
        launched.add(l.process);
        return l;
    }

    /** Polls (every 20 ms) until the condition holds or the seconds have passed; whether it held. */
    private static boolean within(int seconds, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    /** A started launcher with its stdout and stderr collected by two threads. */
    private final class Launched {
        final Process process;
        private final StringBuffer out = new StringBuffer();
        private final StringBuffer err = new StringBuffer();
        private final Thread outReader;
        private final Thread errReader;

        Launched(Process process) {
            this.process = process;
            this.outReader = collect(process.getInputStream(), out);
            this.errReader = collect(process.getErrorStream(), err);
        }

        private static Thread collect(InputStream in, StringBuffer into) {
            Thread t = new Thread(() -> {
                byte[] buf = new byte[4096];
                try (in) {
                    for (int n; (n = in.read(buf)) > 0; ) {
                        into.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                    }
                } catch (IOException e) {
                    into.append("<").append(e).append(">");
                }
            });
            t.setDaemon(true);
            t.start();
            return t;
        }

        /** The pid the fake main printed as its first stdout line (waits up to 30 s for it). */
        long fakePid() throws InterruptedException {
            assertThat(within(30, () -> out.indexOf("\n") >= 0)).as("pid line; stdout %s, stderr %s", out, err)
                    .isTrue();
            assertThat(out.toString()).startsWith("pid ");
            long pid = Long.parseLong(out.substring("pid ".length(), out.indexOf("\n")));
            fakePids.add(pid);
            return pid;
        }

        /** Waits until both streams reached their end (all their writers, the stderr filter too, are gone). */
        void drained() throws InterruptedException {
            outReader.join(TimeUnit.SECONDS.toMillis(10));
            errReader.join(TimeUnit.SECONDS.toMillis(10));
            assertThat(outReader.isAlive() || errReader.isAlive()).as("stdout and stderr closed").isFalse();
        }

        String out() {
            return out.toString();
        }

        String err() {
            return err.toString();
        }
    }

    /**
     * The main class of the fake netdyn.jar; first prints its pid on stdout. {@code wait [marker]}: installs a
     * shutdown hook that creates the marker file, then sleeps (at most a minute). {@code exit code args...}:
     * prints whether the incubator module is loaded, each argument, two stderr lines, and exits with the code.
     * {@code jvm}: prints the JVM's own options and its maximal heap, and exits 0.
     */
    static final class FakeNetdyn {
        public static void main(String[] args) throws Exception {
            if (args[0].equals("wait") && args.length > 1) {
                Path marker = Path.of(args[1]);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        Files.createFile(marker);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }));
            }
            System.out.println("pid " + ProcessHandle.current().pid());
            System.out.flush();
            if (args[0].equals("jvm")) {
                for (String a : java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()) {
                    System.out.println("jvm arg=[" + a + "]");
                }
                System.out.println("max heap " + Runtime.getRuntime().maxMemory());
                System.out.flush();
                System.exit(0);
            }
            if (args[0].equals("wait")) {
                Thread.sleep(60_000);
                System.exit(1);
            }
            System.out.println("incubator module: " + ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent());
            for (String a : args) {
                System.out.println("arg=[" + a + "]");
            }
            System.err.println("fake: a line on stderr");
            System.err.println("fake: and another");
            System.out.flush();
            System.exit(Integer.parseInt(args[1]));
        }
    }
}

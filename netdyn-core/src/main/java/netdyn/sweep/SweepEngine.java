package netdyn.sweep;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

import netdyn.BadInputException;

/**
 * Somewhere else to run a sweep's tasks than this machine's threads (a cluster), with the same rows: an
 * engine runs every task the directory's result store lacks and appends their rows to it, as
 * {@link LocalSweep} does. Engines are found on the class path ({@link ServiceLoader} of {@link Provider}),
 * so core and the command line do not depend on them: {@code netdyn-spark} provides "spark".
 */
public interface SweepEngine extends AutoCloseable {
    /**
     * Runs every task of {@code spec} that the store in {@code dir} does not hold (the whole sweep: no shards),
     * telling {@code listener} as a local run does, until all ran or the listener asks to stop.
     */
    SweepResult run(SweepSpec spec, Path dir, LocalSweep.Listener listener);

    /** What this engine is, for messages: e.g. "Spark 4.1.1, master local[2]". */
    String description();

    /** Releases the engine (a Spark context: its executors). */
    @Override
    void close();

    /** Makes an engine by name; registered in {@code META-INF/services/netdyn.sweep.SweepEngine$Provider}. */
    interface Provider {
        /** The name {@code --engine} selects. */
        String name();

        /**
         * Connects to {@code master} (the engine's own address syntax, e.g. Spark's {@code local[2]}; null for
         * the engine's default, e.g. what {@code spark-submit} set).
         */
        SweepEngine open(String master);
    }

    /** The engine {@code name} connected to {@code master}; fails naming {@code engine} when none is found. */
    static SweepEngine open(String name, String master) {
        List<String> found = new ArrayList<>();
        for (Provider p : ServiceLoader.load(Provider.class)) {
            if (p.name().equals(name)) {
                return p.open(master);
            }
            found.add(p.name());
        }
        throw BadInputException.of("engine", name + ": not on the class path (found: "
                + (found.isEmpty() ? "none" : String.join(", ", found)) + "); ./netdyn adds netdyn-spark and Spark's "
                + "jars for this engine, spark-submit needs the netdyn-spark jar");
    }
}

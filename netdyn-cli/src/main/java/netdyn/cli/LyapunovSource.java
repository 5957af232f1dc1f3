package netdyn.cli;

import java.util.LinkedHashMap;
import java.util.Map;

import netdyn.BadInputException;
import netdyn.dynamics.DiscreteMap;
import netdyn.dynamics.GradientDescentMap;
import netdyn.dynamics.ReferenceSystems;
import netdyn.nn.Batch;
import netdyn.run.ResolvedRun;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The map of {@code netdyn lyapunov}: a reference system (--system) or gradient descent on the network the
 * network options describe.
 *
 * @param map              the map whose spectrum is wanted
 * @param x0               its initial state
 * @param defaultTransient steps discarded first unless --transient says otherwise
 * @param label            the map's name in text, JSON and figure titles
 * @param config           what manifest.json records of it
 * @param parameters       the network's P for gradient descent, 0 for a reference system
 */
record LyapunovSource(DiscreteMap map, double[] x0, long defaultTransient, String label, Map<String, Object> config,
                      int parameters) {
    /** The reference system {@code system} names, or with {@code system} null the gradient-descent map. */
    /** @param steps the run length, when the options give one (the spectrum's own settings decide it) */
    static LyapunovSource of(String system, NetworkOptions network, CommandSpec command, long steps) {
        Map<String, Object> config = new LinkedHashMap<>();
        if (system != null) {
            // every option of the network mixin, as declared: the list cannot drift from NetworkOptions
            for (OptionSpec o : command.mixins().get("network").options()) {
                if (command.commandLine().getParseResult().hasMatchedOption(o)) {
                    throw new BadInputException("--system and " + o.longestName() + " exclude each other: --system "
                            + "picks a reference system, the network options a gradient-descent map");
                }
            }
            ReferenceSystems.ReferenceSystem ref = ReferenceSystems.parse(system);
            double[] x0 = ref.initialState();
            config.put("system", ref.name());
            config.put("parameters", ref.parameters());
            config.put("initialState", x0);
            return new LyapunovSource(ref.map(), x0, ref.defaultTransient(), ref.name(), config, 0);
        }
        ResolvedRun setup = network.resolve(steps);
        // one orbit and its tangents: every core shares the layer products (the numbers do not depend on it)
        GradientDescentMap gd = new GradientDescentMap(setup.spec(), Batch.of(setup.trainSet()), setup.optimizer(),
                Runtime.getRuntime().availableProcessors());
        double[] x0 = new double[gd.dimension()];
        System.arraycopy(setup.theta0(), 0, x0, 0, setup.theta0().length);
        config.putAll(network.describe(setup));
        return new LyapunovSource(gd, x0, 0,
                optimizerName(setup.optimizer()) + ", " + setup.spec() + ", η = " + setup.optimizer().learningRate(), config,
                setup.theta0().length);
    }

    /** "gradient descent", "heavy ball (momentum:0.9)", "adam:beta1=0.9,…": what the map trains with. */
    static String optimizerName(netdyn.dynamics.OptimizerSpec o) {
        netdyn.dynamics.UpdateRule r = o.update();
        return r.kind() == netdyn.dynamics.UpdateRule.Kind.GD ? "gradient descent" : r.text();
    }
}

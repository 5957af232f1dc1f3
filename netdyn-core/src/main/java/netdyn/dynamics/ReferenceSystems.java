package netdyn.dynamics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import netdyn.BadInputException;

/**
 * The reference systems by name, given as text (the command line's {@code --system}): {@code NAME} or
 * {@code NAME:key=value,key=value}, with every parameter not given at its classic value.
 *
 * <table>
 *   <caption>Systems and their parameters</caption>
 *   <tr><th>name</th><th>parameters (classic values)</th><th>map</th></tr>
 *   <tr><td>logistic</td><td>r = 4</td><td>{@link LogisticMap}</td></tr>
 *   <tr><td>tent</td><td>mu = 1.99</td><td>{@link TentMap}</td></tr>
 *   <tr><td>henon</td><td>a = 1.4, b = 0.3</td><td>{@link HenonMap}</td></tr>
 *   <tr><td>lozi</td><td>a = 1.7, b = 0.5</td><td>{@link LoziMap}</td></tr>
 *   <tr><td>ikeda</td><td>u = 0.9</td><td>{@link IkedaMap}</td></tr>
 *   <tr><td>standard</td><td>k = 6</td><td>{@link StandardMap}</td></tr>
 *   <tr><td>cat</td><td>none</td><td>{@link CatMap}</td></tr>
 *   <tr><td>lorenz</td><td>sigma = 10, rho = 28, beta = 8/3, dt = 0.01</td><td>{@link LorenzFlow}</td></tr>
 *   <tr><td>rossler</td><td>a = 0.2, b = 0.2, c = 5.7, dt = 0.01</td><td>{@link RosslerFlow}</td></tr>
 * </table>
 *
 * <p>Each comes with a default initial state and a transient to discard before measuring. For the
 * maps the state is a simple point in the attractor's basin (in the chaotic sea for the standard
 * map) and 100 steps bring it onto the attractor; for the flows it is a point of the classic
 * attractor, rounded to 4 decimals, and the 1000 steps (10 time units) also forget it at other
 * parameters.
 */
public final class ReferenceSystems {
    private static final int MAP_TRANSIENT = 100;
    private static final int FLOW_TRANSIENT = 1000;

    /**
     * A parsed system text.
     *
     * @param name             the system's name, lower case
     * @param parameters       every parameter's value, given or classic, in the table's order
     * @param map              the map, built from those parameters (not thread-safe for the flows)
     * @param initialState     the default initial state (a copy is returned)
     * @param defaultTransient steps to discard before measuring
     */
    public record ReferenceSystem(String name, Map<String, Double> parameters, DiscreteMap map,
                                  double[] initialState, int defaultTransient) {

        public ReferenceSystem {
            parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
            initialState = initialState.clone();
            if (initialState.length != map.dimension()) {
                throw new IllegalArgumentException("the initial state has " + initialState.length
                        + " components but the map's dimension is " + map.dimension());
            }
        }

        @Override
        public double[] initialState() {
            return initialState.clone();
        }
    }

    /** How to build one system: its parameter names, classic values, and default initial state. */
    private record Definition(String name, List<String> keys, double[] classic,
                              Function<double[], DiscreteMap> build, double[] initialState, int transientSteps) {
    }

    private static final List<Definition> DEFINITIONS = List.of(
            new Definition("logistic", List.of("r"), new double[] {LogisticMap.CLASSIC_R},
                    p -> new LogisticMap(p[0]), new double[] {0.3}, MAP_TRANSIENT),
            new Definition("tent", List.of("mu"), new double[] {TentMap.CLASSIC_MU},
                    p -> new TentMap(p[0]), new double[] {0.3}, MAP_TRANSIENT),
            new Definition("henon", List.of("a", "b"), new double[] {HenonMap.CLASSIC_A, HenonMap.CLASSIC_B},
                    p -> new HenonMap(p[0], p[1]), new double[] {0.1, 0.1}, MAP_TRANSIENT),
            new Definition("lozi", List.of("a", "b"), new double[] {LoziMap.CLASSIC_A, LoziMap.CLASSIC_B},
                    p -> new LoziMap(p[0], p[1]), new double[] {0.1, 0.1}, MAP_TRANSIENT),
            new Definition("ikeda", List.of("u"), new double[] {IkedaMap.CLASSIC_U},
                    p -> new IkedaMap(p[0]), new double[] {0.1, 0.1}, MAP_TRANSIENT),
            new Definition("standard", List.of("k"), new double[] {StandardMap.CLASSIC_K},
                    p -> new StandardMap(p[0]), new double[] {0.5, 0.5}, MAP_TRANSIENT),
            new Definition("cat", List.of(), new double[0],
                    p -> new CatMap(), new double[] {0.1, 0.2}, MAP_TRANSIENT),
            new Definition("lorenz", List.of("sigma", "rho", "beta", "dt"),
                    new double[] {LorenzFlow.CLASSIC_SIGMA, LorenzFlow.CLASSIC_RHO, LorenzFlow.CLASSIC_BETA,
                            LorenzFlow.DEFAULT_DT},
                    p -> new LorenzFlow(p[0], p[1], p[2], p[3]), new double[] {-12.0075, -12.2946, 31.2364},
                    FLOW_TRANSIENT),
            new Definition("rossler", List.of("a", "b", "c", "dt"),
                    new double[] {RosslerFlow.CLASSIC_A, RosslerFlow.CLASSIC_B, RosslerFlow.CLASSIC_C,
                            RosslerFlow.DEFAULT_DT},
                    p -> new RosslerFlow(p[0], p[1], p[2], p[3]), new double[] {-2.6579, 0.0268, 0.0258},
                    FLOW_TRANSIENT));

    private ReferenceSystems() {
    }

    /** The system names, in the order of the table above. */
    public static List<String> names() {
        return DEFINITIONS.stream().map(Definition::name).toList();
    }

    /**
     * Parses {@code NAME} or {@code NAME:key=value,…}. The name is case-insensitive; spaces around names,
     * keys and values are ignored.
     *
     * @throws BadInputException naming the setting {@code system}, the system and what is valid, for an unknown
     *                           system or parameter, a malformed or repeated parameter, a value that
     *                           is not a number, or one the system does not accept
     */
    public static ReferenceSystem parse(String text) {
        if (text == null || text.isBlank()) {
            throw badSystem("is empty (valid: " + String.join(", ", names()) + ")");
        }
        String s = text.trim();
        int colon = s.indexOf(':');
        String given = (colon < 0 ? s : s.substring(0, colon)).trim();
        Definition def = find(given.toLowerCase(Locale.ROOT));
        if (def == null) {
            throw badSystem(": unknown system '" + given + "' (valid: " + String.join(", ", names()) + ")");
        }
        String where = def.name + ": ";
        double[] values = def.classic.clone();
        boolean[] seen = new boolean[values.length];
        String list = colon < 0 ? "" : s.substring(colon + 1);
        if (!list.isBlank()) {
            for (String part : list.split(",", -1)) {
                int eq = part.indexOf('=');
                if (eq <= 0) {
                    throw badSystem(where + "expected key=value, got '" + part.trim() + "'");
                }
                String key = part.substring(0, eq).trim();
                String value = part.substring(eq + 1).trim();
                int index = def.keys.indexOf(key);
                if (index < 0) {
                    throw badSystem(where + "unknown parameter '" + key + "' ("
                            + (def.keys.isEmpty() ? def.name + " has no parameters" : "valid: "
                            + String.join(", ", def.keys)) + ")");
                }
                if (seen[index]) {
                    throw badSystem(where + "parameter '" + key + "' is given twice");
                }
                seen[index] = true;
                values[index] = number(where, key, value);
            }
        }
        DiscreteMap map;
        try {
            map = def.build.apply(values);
        } catch (IllegalArgumentException e) {
            throw (BadInputException) badSystem(where + e.getMessage()).initCause(e);
        }
        Map<String, Double> parameters = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            parameters.put(def.keys.get(i), values[i]);
        }
        return new ReferenceSystem(def.name, parameters, map, def.initialState, def.transientSteps);
    }

    /** A bad system text; the setting is {@code system}. */
    private static BadInputException badSystem(String detail) {
        return BadInputException.of(ReferenceSystems.class, "system", detail);
    }

    private static Definition find(String name) {
        for (Definition d : DEFINITIONS) {
            if (d.name.equals(name)) {
                return d;
            }
        }
        return null;
    }

    private static double number(String where, String key, String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw badSystem(where + key + " must be a number (got '" + value + "')");
        }
    }
}

package netdyn.atlas;

import java.util.Arrays;
import java.util.List;

import netdyn.BadInputException;
import netdyn.nn.Activation;
import netdyn.nn.InitSpec;
import netdyn.nn.LossKind;
import netdyn.nn.OutputKind;
import netdyn.run.DataSpec;
import netdyn.run.NetworkSpec;
import netdyn.run.RunSpec;
import netdyn.sweep.Axis;
import netdyn.sweep.Axis.Setting;
import netdyn.sweep.Measures;
import netdyn.sweep.SweepSpec;

/**
 * Sohl-Dickstein's trainability maps (2024, arXiv:2402.06184; his notebook
 * {@code the_boundary_of_neural_network_trainability_is_fractal.ipynb}) as netdyn sweeps.
 *
 * <p>His setup: one hidden layer of width n = 16 on inputs of dimension 16, one output, no biases, weights
 * W ~ N(0, 1) in the mean-field parameterisation f(x) = (1/n) W₁ᵀ φ(W₀ᵀx / √n) with φ(z) = tanh(√2 z),
 * √2 relu(z) or z; mean squared error (1/N) Σ (f − y)² on N random points x ~ N(0, I), y ~ N(0, 1),
 * N = the parameter count 272 (16 for the identity network, 1 for a single point); full-batch gradient
 * descent (or mini-batches of 16) for 500 steps with one rate η₀ for the input layer and η₁ for the output
 * layer, both gridded log-spaced over 10⁻³ … 10⁶; a run converges when the mean of its last 20 losses is
 * below its first. His dimensions come from zooms into each map.
 *
 * <p>In netdyn's plain parameterisation the same network has weights V_l = α_l W_l (α₀ = √(2/n) for tanh
 * and relu, 1/√n for the identity; α₁ = 1/n), so the init is {@code normal:α₀,α₁}; its loss is half his,
 * so his rate η_l is netdyn's rate 2 α_l² η_l on V_l ({@link #hiddenRateOf}, {@link #outputRateOf}): the
 * same orbit, the map only shifted on its log axes (which leaves the box-counting dimension as it is).
 * What differs: his random draws (JAX's generator; netdyn draws its own data and weights, seed 0), and his
 * mini-batches (16 points drawn with replacement each step; netdyn's are epochs of a seeded shuffle). His
 * sixth configuration (an offset added to the input weights against the rate) is not here: netdyn has no
 * weight-offset axis.
 *
 * <p>His dimensions, per configuration, as quoted from the paper's figure by a third-party summary
 * (fractal-llm's RESULTS.md; the paper's abstract gives the range 1.17–1.98): {@link #published()}.
 */
public enum BoundaryPreset {
    TANH("sohl-dickstein-tanh", Activation.TANH, 272, 0, 1.66),
    RELU("sohl-dickstein-relu", Activation.RELU, 272, 0, 1.20),
    IDENTITY("sohl-dickstein-identity", Activation.LINEAR, 16, 0, 1.17),
    MINIBATCH("sohl-dickstein-minibatch", Activation.TANH, 272, 16, 1.55),
    SINGLE_POINT("sohl-dickstein-single-point", Activation.TANH, 1, 0, 1.41);

    /** Width of the hidden layer and of the inputs. */
    public static final int WIDTH = 16;
    /** Training steps (the paper's 500). */
    public static final long STEPS = 500;
    /** log10 of his first window, both rates. */
    public static final double LOG_FROM = -3;
    public static final double LOG_TO = 6;

    private final String id;
    private final Activation activation;
    private final int points;
    private final int batchSize;
    private final double published;

    BoundaryPreset(String id, Activation activation, int points, int batchSize, double published) {
        this.id = id;
        this.activation = activation;
        this.points = points;
        this.batchSize = batchSize;
        this.published = published;
    }

    public String id() {
        return id;
    }

    /** His dimension for this configuration (second-hand, see the class comment). */
    public double published() {
        return published;
    }

    /** The training points N. */
    public int points() {
        return points;
    }

    /** α₀², the square of the input layer's mean-field scale: 2/n for tanh and relu, 1/n for the identity. */
    public double inputScaleSquared() {
        return (activation == Activation.LINEAR ? 1.0 : 2.0) / WIDTH;
    }

    /** α₁² = 1/n². */
    public static double outputScaleSquared() {
        return 1.0 / (WIDTH * (double) WIDTH);
    }

    /** netdyn's hidden-layer rate for his input-layer rate η₀: 2 α₀² η₀. */
    public double hiddenRateOf(double eta0) {
        return 2 * inputScaleSquared() * eta0;
    }

    /** netdyn's output-layer rate for his output-layer rate η₁: 2 α₁² η₁. */
    public double outputRateOf(double eta1) {
        return 2 * outputScaleSquared() * eta1;
    }

    /** The run: his data, network and init in netdyn's parameterisation (the rates are the map's). */
    public RunSpec run(long steps, long seed) {
        DataSpec data = DataSpec.of("gaussian:n=" + points + ",d=" + WIDTH + ",outputs=1,seed=" + seed);
        NetworkSpec network = new NetworkSpec(new int[] {WIDTH}, activation, OutputKind.LINEAR, LossKind.MSE, 0);
        InitSpec init = new InitSpec(InitSpec.Kind.NORMAL, Math.sqrt(inputScaleSquared()), InitSpec.Kind.NONE, 0,
                new double[] {Math.sqrt(inputScaleSquared()), Math.sqrt(outputScaleSquared())});
        return new RunSpec(data, network, init, 1, Double.NaN, 0, batchSize, steps, seed);
    }

    /** The map over his first window, {@code side} rates per axis, in netdyn's rates. */
    public SweepSpec map(int side, long steps, long seed) {
        double[] h = new double[side];
        double[] o = new double[side];
        for (int i = 0; i < side; i++) {
            double eta = Math.pow(10, LOG_FROM + (LOG_TO - LOG_FROM) * i / (side - 1));
            h[i] = hiddenRateOf(eta);
            o[i] = outputRateOf(eta);
        }
        return new SweepSpec(run(steps, seed), List.of(Axis.numeric(Setting.HIDDEN_RATE, h),
                Axis.numeric(Setting.OUTPUT_RATE, o)), 1, 1, 1e-8, Measures.parse("loss"),
                TrainabilityMap.CONVERGENCE_WINDOW, 0.9);
    }

    public static BoundaryPreset parse(String id) {
        for (BoundaryPreset p : values()) {
            if (p.id.equals(id.trim())) {
                return p;
            }
        }
        throw BadInputException.of(BoundaryPreset.class, "preset", ": unknown preset '" + id + "' (valid: "
                + String.join(", ", ids()) + ")");
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(BoundaryPreset::id).toList();
    }
}

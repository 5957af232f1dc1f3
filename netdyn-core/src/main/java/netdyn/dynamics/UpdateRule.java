package netdyn.dynamics;

import java.io.Serializable;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import netdyn.BadInputException;

/**
 * How a gradient g = ∇L(θ) moves the state, as PyTorch's optimizers do (no dampening, no weight decay in the
 * optimizer; step s = t + 1), with η_i the parameter's rate:
 * <ul>
 *   <li>{@code gd}: θ' = θ − η g (state θ, dimension P);</li>
 *   <li>{@code momentum} (heavy ball, β): u' = β u + g, θ' = θ − η u' (state (θ, u), 2P);</li>
 *   <li>{@code nesterov} (β): u' = β u + g, θ' = θ − η (g + β u') (2P);</li>
 *   <li>{@code rmsprop} (α = β₂, ε): v' = α v + (1 − α) g², θ' = θ − η g / (√v' + ε) (state (θ, v), 2P);</li>
 *   <li>{@code adam} (β₁, β₂, ε): m' = β₁ m + (1 − β₁) g, v' = β₂ v + (1 − β₂) g²,
 *       θ' = θ − η m̂ / (√v̂ + ε) with m̂ = m' / (1 − β₁ˢ), v̂ = v' / (1 − β₂ˢ) (state (θ, m, v), 3P).</li>
 * </ul>
 * The extra state starts at 0. Each rule's stability threshold is the largest eigenvalue of the (preconditioned)
 * Hessian at which its linearisation on a quadratic loses stability (Cohen et al. 2022, arXiv:2207.14484):
 * 2/η, 2(1 + β)/η for heavy ball, 2(1 + β)/((1 + 2β) η) for Nesterov, 2/η for RMSProp with P = diag(√v + ε),
 * 2(1 + β₁)/((1 − β₁) η) for Adam with P = diag(√v̂ + ε) (38/η at β₁ = 0.9).
 *
 * @param beta1   heavy ball's and Nesterov's β, Adam's β₁ (0 for gd and rmsprop)
 * @param beta2   RMSProp's α, Adam's β₂ (0 otherwise)
 * @param epsilon RMSProp's and Adam's ε (0 otherwise)
 */
public record UpdateRule(Kind kind, double beta1, double beta2, double epsilon) implements Serializable {

    /** The optimizers, by their command-line names. */
    public enum Kind {
        GD("gd"), MOMENTUM("momentum"), NESTEROV("nesterov"), RMSPROP("rmsprop"), ADAM("adam");

        private final String id;

        Kind(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    public static final UpdateRule GD = new UpdateRule(Kind.GD, 0, 0, 0);

    public UpdateRule {
        if (kind == null) {
            throw new IllegalArgumentException("an update rule needs its kind");
        }
        boolean usesBeta1 = kind == Kind.MOMENTUM || kind == Kind.NESTEROV || kind == Kind.ADAM;
        boolean usesBeta2 = kind == Kind.RMSPROP || kind == Kind.ADAM;
        check(kind, usesBeta1, beta1, kind == Kind.ADAM ? "beta1" : "beta");
        check(kind, usesBeta2, beta2, kind == Kind.ADAM ? "beta2" : "alpha");
        if (usesBeta2 ? !(epsilon > 0) || Double.isInfinite(epsilon) : epsilon != 0) {
            throw BadInputException.of(UpdateRule.class, "optimizer", ": " + kind.id + " needs "
                    + (usesBeta2 ? "eps a finite number > 0" : "no eps") + " (got " + epsilon + ")");
        }
    }

    private static void check(Kind kind, boolean used, double value, String name) {
        if (used ? !(value >= 0 && value < 1) : value != 0) {
            throw BadInputException.of(UpdateRule.class, "optimizer", ": " + kind.id + " needs "
                    + (used ? name + " in [0, 1)" : "no " + name) + " (got " + value + ")");
        }
    }

    /** Heavy ball with β (plain gradient descent at β = 0). */
    public static UpdateRule momentum(double beta) {
        return beta == 0 ? GD : new UpdateRule(Kind.MOMENTUM, beta, 0, 0);
    }

    /** PyTorch's defaults: RMSProp α = 0.99, ε = 1e-8; Adam β₁ = 0.9, β₂ = 0.999, ε = 1e-8. */
    public static UpdateRule defaults(Kind kind) {
        return switch (kind) {
            case GD -> GD;
            case MOMENTUM -> new UpdateRule(Kind.MOMENTUM, 0.9, 0, 0);
            case NESTEROV -> new UpdateRule(Kind.NESTEROV, 0.9, 0, 0);
            case RMSPROP -> new UpdateRule(Kind.RMSPROP, 0, 0.99, 1e-8);
            case ADAM -> new UpdateRule(Kind.ADAM, 0.9, 0.999, 1e-8);
        };
    }

    /** The state's blocks of P values: θ, then u, v or m and v. */
    public int stateBlocks() {
        return switch (kind) {
            case GD -> 1;
            case MOMENTUM, NESTEROV, RMSPROP -> 2;
            case ADAM -> 3;
        };
    }

    /** Whether the update is linear in (state, g), so that its tangent map is the same rule on (v, Hv). */
    public boolean linear() {
        return kind == Kind.GD || kind == Kind.MOMENTUM || kind == Kind.NESTEROV;
    }

    /** Whether the rule divides by a preconditioner P = diag(√v + ε) (RMSProp) or diag(√v̂ + ε) (Adam). */
    public boolean adaptive() {
        return kind == Kind.RMSPROP || kind == Kind.ADAM;
    }

    /** The stability threshold of λ_max(P⁻¹H) for learning rate η (see the class comment). */
    public double threshold(double eta) {
        return switch (kind) {
            case GD, RMSPROP -> 2 / eta;
            case MOMENTUM -> 2 * (1 + beta1) / eta;
            case NESTEROV -> 2 * (1 + beta1) / ((1 + 2 * beta1) * eta);
            case ADAM -> 2 * (1 + beta1) / ((1 - beta1) * eta);
        };
    }

    /** As the option takes it: "gd", "momentum:0.9", "adam:beta1=0.9,beta2=0.999,eps=1e-08". */
    public String text() {
        return switch (kind) {
            case GD -> "gd";
            case MOMENTUM, NESTEROV -> kind.id + ":" + beta1;
            case RMSPROP -> "rmsprop:alpha=" + beta2 + ",eps=" + epsilon;
            case ADAM -> "adam:beta1=" + beta1 + ",beta2=" + beta2 + ",eps=" + epsilon;
        };
    }

    /**
     * Parses {@code gd}, {@code momentum[:β]}, {@code nesterov[:β]}, {@code rmsprop[:alpha=α,eps=ε]} or
     * {@code adam[:beta1=β₁,beta2=β₂,eps=ε]}, PyTorch's defaults where a value is not given.
     */
    public static UpdateRule parse(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        String name = s.contains(":") ? s.substring(0, s.indexOf(':')) : s;
        String args = s.contains(":") ? s.substring(s.indexOf(':') + 1) : "";
        Kind kind = Arrays.stream(Kind.values()).filter(k -> k.id.equals(name)).findFirst().orElseThrow(() ->
                BadInputException.of(UpdateRule.class, "optimizer", ": unknown optimizer '" + text + "' (valid: "
                        + String.join(", ", ids()) + ")"));
        UpdateRule d = defaults(kind);
        if (args.isBlank()) {
            return d;
        }
        if (kind == Kind.GD) {
            throw BadInputException.of(UpdateRule.class, "optimizer", ": gd takes no values (got '" + text + "')");
        }
        if (kind == Kind.MOMENTUM || kind == Kind.NESTEROV) {
            return new UpdateRule(kind, number(text, args.startsWith("beta=") ? args.substring(5) : args), 0, 0);
        }
        Map<String, Double> values = new LinkedHashMap<>();
        for (String part : args.split(",")) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw BadInputException.of(UpdateRule.class, "optimizer", ": expected name=value in '" + text + "'");
            }
            values.put(part.substring(0, eq).trim(), number(text, part.substring(eq + 1)));
        }
        List<String> names = kind == Kind.ADAM ? List.of("beta1", "beta2", "eps") : List.of("alpha", "eps");
        for (String key : values.keySet()) {
            if (!names.contains(key)) {
                throw BadInputException.of(UpdateRule.class, "optimizer", ": unknown value '" + key + "' in '" + text
                        + "' (valid: " + String.join(", ", names) + ")");
            }
        }
        double eps = values.getOrDefault("eps", d.epsilon);
        return kind == Kind.ADAM
                ? new UpdateRule(kind, values.getOrDefault("beta1", d.beta1), values.getOrDefault("beta2", d.beta2), eps)
                : new UpdateRule(kind, 0, values.getOrDefault("alpha", d.beta2), eps);
    }

    private static double number(String text, String value) {
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw BadInputException.of(UpdateRule.class, "optimizer", ": '" + value.trim() + "' in '" + text
                    + "' is not a number");
        }
    }

    public static List<String> ids() {
        return Arrays.stream(Kind.values()).map(Kind::id).toList();
    }
}

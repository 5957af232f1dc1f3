package netdyn.nn;

import netdyn.BadInputException;
import netdyn.rng.Seeds;
import netdyn.rng.SplitMix64;

/**
 * How initial parameters are drawn. Weights: {@code normal:σ} N(0, σ²) (default σ = 1, as the
 * reference study), {@code uniform:a} U(−a, a), {@code glorot} U(±√(6/(fan_in+fan_out))),
 * {@code he} N(0, 2/fan_in); {@code normal:σ₁,σ₂,…} and {@code uniform:a₁,a₂,…} give each layer its own
 * scale (hidden layers first, the output layer last: a mean-field parameterisation as plain weights).
 * Biases: {@code zero} (default), {@code normal:σ}, {@code uniform:a}, {@code const:c}, or {@code none}: no
 * biases, i.e. they stay 0 and are not trained (the optimizer gives them rate 0; {@link #frozenBiases}).
 *
 * <p>Draws come from {@code Seeds.generator(seed, "init", replica)}, layer by layer in θ order:
 * all weights of a layer, then its biases.
 *
 * @param layerScales null, or one weight scale per layer (then {@code weightScale} is the first)
 */
public record InitSpec(Kind weights, double weightScale, Kind biases, double biasScale, double[] layerScales)
        implements java.io.Serializable {

    public enum Kind { NORMAL, UNIFORM, GLOROT, HE, ZERO, CONST, NONE }

    public static final InitSpec STUDY = new InitSpec(Kind.NORMAL, 1, Kind.ZERO, 0);

    /** One weight scale for every layer. */
    public InitSpec(Kind weights, double weightScale, Kind biases, double biasScale) {
        this(weights, weightScale, biases, biasScale, null);
    }

    public InitSpec {
        layerScales = layerScales == null ? null : layerScales.clone();
    }

    @Override
    public double[] layerScales() {
        return layerScales == null ? null : layerScales.clone();
    }

    public static InitSpec parse(String weights, String biases) {
        Parsed w = parseOne("weights", weights, true);
        Parsed b = parseOne("biases", biases, false);
        return new InitSpec(w.kind, w.scales[0], b.kind, b.scales[0], w.scales.length > 1 ? w.scales : null);
    }

    /** Whether the biases are absent: held at 0 and not trained. */
    public boolean frozenBiases() {
        return biases == Kind.NONE;
    }

    /**
     * Fails, naming the weights' setting, when per-layer scales do not match a network of {@code layers}
     * layers.
     */
    public void requireLayers(int layers) {
        if (layerScales != null && layerScales.length != layers) {
            throw BadInputException.of(InitSpec.class, "weights", ": '" + weightsText() + "' gives "
                    + layerScales.length + " scales for a network of " + layers + " layers (one per layer: hidden "
                    + "layers first, the output layer last)");
        }
    }

    private record Parsed(Kind kind, double[] scales) {
    }

    /** @param parameter the setting parsed, "weights" or "biases" (named in messages) */
    private static Parsed parseOne(String parameter, String text, boolean weights) {
        String valid = weights ? "normal:SIGMA[,SIGMA...], uniform:A[,A...], glorot, he"
                : "zero, none, normal:SIGMA, uniform:A, const:C";
        String s = text.trim();
        String name = s.contains(":") ? s.substring(0, s.indexOf(':')) : s;
        String arg = s.contains(":") ? s.substring(s.indexOf(':') + 1) : null;
        Kind kind = switch (name) {
            case "normal" -> Kind.NORMAL;
            case "uniform" -> Kind.UNIFORM;
            case "glorot" -> weights ? Kind.GLOROT : null;
            case "he" -> weights ? Kind.HE : null;
            case "zero" -> weights ? null : Kind.ZERO;
            case "none" -> weights ? null : Kind.NONE;
            case "const" -> weights ? null : Kind.CONST;
            default -> null;
        };
        if (kind == null) {
            throw BadInputException.of(InitSpec.class, parameter, ": unknown initialisation '" + text + "' (valid: "
                    + valid + ")");
        }
        boolean needsArg = kind == Kind.NORMAL || kind == Kind.UNIFORM || kind == Kind.CONST;
        if (!needsArg) {
            if (arg != null) {
                throw BadInputException.of(InitSpec.class, parameter, ": '" + name + "' takes no value (got '"
                        + text + "')");
            }
            return new Parsed(kind, new double[] {0});
        }
        if (arg == null && kind == Kind.NORMAL) {
            return new Parsed(kind, new double[] {1});
        }
        String[] parts = (arg == null ? "" : arg).split(",", -1);
        if (parts.length > 1 && !(weights && (kind == Kind.NORMAL || kind == Kind.UNIFORM))) {
            throw BadInputException.of(InitSpec.class, parameter, ": '" + text + "' takes one number (a scale per "
                    + "layer only for normal: and uniform: weights)");
        }
        double[] scales = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            double v;
            try {
                v = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw BadInputException.of(InitSpec.class, parameter, ": '" + text + "' needs a number after '" + name
                        + ":' (valid: " + valid + ")");
            }
            if (!Double.isFinite(v) || (kind != Kind.CONST && v < 0)) {
                throw BadInputException.of(InitSpec.class, parameter, ": the scale in '" + text
                        + "' must be a finite number >= 0");
            }
            scales[i] = v;
        }
        return new Parsed(kind, scales);
    }

    /** Draws θ for replica {@code replica} into {@code theta[off..off+P)}. */
    public void initialize(MlpLayout layout, long seed, int replica, double[] theta, int off) {
        SplitMix64 rng = Seeds.generator(seed, "init", replica);
        MlpSpec spec = layout.spec();
        requireLayers(layout.layerCount());
        for (int l = 0; l < layout.layerCount(); l++) {
            int fin = spec.fanIn(l);
            int fo = spec.fanOut(l);
            int w0 = off + layout.weightOffset(l);
            double scale = layerScales == null ? weightScale : layerScales[l];
            for (int i = 0; i < fin * fo; i++) {
                theta[w0 + i] = draw(weights, scale, fin, fo, rng);
            }
            int b0 = off + layout.biasOffset(l);
            for (int j = 0; j < fo; j++) {
                theta[b0 + j] = draw(biases, biasScale, fin, fo, rng);
            }
        }
    }

    private static double draw(Kind kind, double scale, int fin, int fo, SplitMix64 rng) {
        return switch (kind) {
            case NORMAL -> scale * rng.nextGaussian();
            case UNIFORM -> rng.nextUniform(-scale, scale);
            case GLOROT -> {
                double limit = Math.sqrt(6.0 / (fin + fo));
                yield rng.nextUniform(-limit, limit);
            }
            case HE -> Math.sqrt(2.0 / fin) * rng.nextGaussian();
            case ZERO, NONE -> 0;
            case CONST -> scale;
        };
    }

    /** e.g. "normal:1" / "normal:0.35,0.0625" / "zero", the form the options take. */
    public String weightsText() {
        if (layerScales == null) {
            return text(weights, weightScale);
        }
        StringBuilder b = new StringBuilder(text(weights, layerScales[0]));
        for (int l = 1; l < layerScales.length; l++) {
            b.append(',').append(layerScales[l]);
        }
        return b.toString();
    }

    public String biasesText() {
        return text(biases, biasScale);
    }

    private static String text(Kind kind, double scale) {
        return switch (kind) {
            case NORMAL -> "normal:" + scale;
            case UNIFORM -> "uniform:" + scale;
            case CONST -> "const:" + scale;
            default -> kind.name().toLowerCase();
        };
    }

    /** Component-wise, per-layer scales by content. */
    @Override
    public boolean equals(Object o) {
        return o instanceof InitSpec i && weights == i.weights && Double.compare(weightScale, i.weightScale) == 0
                && biases == i.biases && Double.compare(biasScale, i.biasScale) == 0
                && java.util.Arrays.equals(layerScales, i.layerScales);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(weights, weightScale, biases, biasScale, java.util.Arrays.hashCode(layerScales));
    }
}

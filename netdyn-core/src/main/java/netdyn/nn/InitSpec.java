package netdyn.nn;

import netdyn.BadInputException;
import netdyn.rng.Seeds;
import netdyn.rng.SplitMix64;

/**
 * How initial parameters are drawn. Weights: {@code normal:σ} N(0, σ²) (default σ = 1, as the
 * reference study), {@code uniform:a} U(−a, a), {@code glorot} U(±√(6/(fan_in+fan_out))),
 * {@code he} N(0, 2/fan_in). Biases: {@code zero} (default), {@code normal:σ}, {@code uniform:a},
 * {@code const:c}.
 *
 * <p>Draws come from {@code Seeds.generator(seed, "init", replica)}, layer by layer in θ order:
 * all weights of a layer, then its biases.
 */
public record InitSpec(Kind weights, double weightScale, Kind biases, double biasScale)
        implements java.io.Serializable {

    public enum Kind { NORMAL, UNIFORM, GLOROT, HE, ZERO, CONST }

    public static final InitSpec STUDY = new InitSpec(Kind.NORMAL, 1, Kind.ZERO, 0);

    public static InitSpec parse(String weights, String biases) {
        Parsed w = parseOne("weights", weights, true);
        Parsed b = parseOne("biases", biases, false);
        return new InitSpec(w.kind, w.scale, b.kind, b.scale);
    }

    private record Parsed(Kind kind, double scale) {
    }

    /** @param parameter the setting parsed, "weights" or "biases" (named in messages) */
    private static Parsed parseOne(String parameter, String text, boolean weights) {
        String valid = weights ? "normal:SIGMA, uniform:A, glorot, he" : "zero, normal:SIGMA, uniform:A, const:C";
        String s = text.trim();
        String name = s.contains(":") ? s.substring(0, s.indexOf(':')) : s;
        String arg = s.contains(":") ? s.substring(s.indexOf(':') + 1) : null;
        Kind kind = switch (name) {
            case "normal" -> Kind.NORMAL;
            case "uniform" -> Kind.UNIFORM;
            case "glorot" -> weights ? Kind.GLOROT : null;
            case "he" -> weights ? Kind.HE : null;
            case "zero" -> weights ? null : Kind.ZERO;
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
            return new Parsed(kind, 0);
        }
        double v;
        if (arg == null && kind == Kind.NORMAL) {
            v = 1;
        } else {
            try {
                v = Double.parseDouble(arg == null ? "" : arg);
            } catch (NumberFormatException e) {
                throw BadInputException.of(InitSpec.class, parameter, ": '" + text + "' needs a number after '" + name
                        + ":' (valid: " + valid + ")");
            }
        }
        if (!Double.isFinite(v) || (kind != Kind.CONST && v < 0)) {
            throw BadInputException.of(InitSpec.class, parameter, ": the scale in '" + text
                    + "' must be a finite number >= 0");
        }
        return new Parsed(kind, v);
    }

    /** Draws θ for replica {@code replica} into {@code theta[off..off+P)}. */
    public void initialize(MlpLayout layout, long seed, int replica, double[] theta, int off) {
        SplitMix64 rng = Seeds.generator(seed, "init", replica);
        MlpSpec spec = layout.spec();
        for (int l = 0; l < layout.layerCount(); l++) {
            int fin = spec.fanIn(l);
            int fo = spec.fanOut(l);
            int w0 = off + layout.weightOffset(l);
            for (int i = 0; i < fin * fo; i++) {
                theta[w0 + i] = draw(weights, weightScale, fin, fo, rng);
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
            case ZERO -> 0;
            case CONST -> scale;
        };
    }

    /** e.g. "normal:1" / "zero", the form the options take. */
    public String weightsText() {
        return text(weights, weightScale);
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
}

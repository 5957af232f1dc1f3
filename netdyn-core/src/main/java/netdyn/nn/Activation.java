package netdyn.nn;

import java.util.Arrays;
import java.util.List;

import netdyn.BadInputException;

/**
 * Hidden-layer activation functions f with their first and second derivatives, the latter
 * expressed through h = f(a) where that is cheaper (sigmoid, tanh).
 */
public enum Activation {
    SIGMOID("sigmoid"),
    TANH("tanh"),
    RELU("relu"),
    LINEAR("linear");

    private final String id;

    Activation(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Activation parse(String s) {
        for (Activation a : values()) {
            if (a.id.equals(s)) {
                return a;
            }
        }
        throw BadInputException.of(Activation.class, "activation", ": unknown activation '" + s + "' (valid: "
                + String.join(", ", ids()) + ")");
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(Activation::id).toList();
    }

    /** h = f(a) and fp = f'(a) over [from, to); each element's numbers do not depend on the range. */
    void forward(double[] a, double[] h, double[] fp, int from, int to) {
        switch (this) {
            case SIGMOID -> VecOps.sigmoid(from, to, a, h, fp);
            case TANH -> VecOps.tanh(from, to, a, h, fp);
            case RELU -> {
                for (int i = from; i < to; i++) {
                    boolean on = a[i] > 0;
                    h[i] = on ? a[i] : 0;
                    fp[i] = on ? 1 : 0;
                }
            }
            case LINEAR -> {
                System.arraycopy(a, from, h, from, to - from);
                java.util.Arrays.fill(fp, from, to, 1);
            }
        }
    }

    /**
     * The R-backward step through the activation over [from, end):
     * rd ← rd ⊙ f'(a) + g ⊙ f''(a) ⊙ R{a}, with f'' from h = f(a) and fp = f'(a).
     */
    void secondOrder(double[] rd, double[] fp, double[] g, double[] h, double[] ra, int from, int end) {
        switch (this) {
            case SIGMOID -> {
                for (int i = from; i < end; i++) {
                    rd[i] = rd[i] * fp[i] + g[i] * (fp[i] * (1 - 2 * h[i])) * ra[i];
                }
            }
            case TANH -> {
                for (int i = from; i < end; i++) {
                    rd[i] = rd[i] * fp[i] + g[i] * (-2 * h[i] * fp[i]) * ra[i];
                }
            }
            case RELU, LINEAR -> {
                for (int i = from; i < end; i++) {
                    rd[i] = rd[i] * fp[i];
                }
            }
        }
    }

    /** The logistic function 1 / (1 + e^−a), without overflow for large |a|. */
    static double sigmoid(double a) {
        return 1 / (1 + VecOps.exp(-a));
    }
}

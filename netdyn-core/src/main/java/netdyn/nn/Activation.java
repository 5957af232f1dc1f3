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
        throw new BadInputException("--activation: unknown activation '" + s + "' (valid: " + String.join(", ", ids())
                + ")");
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(Activation::id).toList();
    }

    /** h[off..off+len) = f(a[off..off+len)). */
    void apply(double[] a, double[] h, int off, int len) {
        int end = off + len;
        switch (this) {
            case SIGMOID -> {
                for (int i = off; i < end; i++) {
                    h[i] = sigmoid(a[i]);
                }
            }
            case TANH -> {
                for (int i = off; i < end; i++) {
                    h[i] = Math.tanh(a[i]);
                }
            }
            case RELU -> {
                for (int i = off; i < end; i++) {
                    h[i] = a[i] > 0 ? a[i] : 0;
                }
            }
            case LINEAR -> System.arraycopy(a, off, h, off, len);
        }
    }

    /** f'(a) from a and h = f(a). */
    double derivative(double a, double h) {
        return switch (this) {
            case SIGMOID -> h * (1 - h);
            case TANH -> 1 - h * h;
            case RELU -> a > 0 ? 1 : 0;
            case LINEAR -> 1;
        };
    }

    /** f''(a) from a and h = f(a). */
    double secondDerivative(double a, double h) {
        return switch (this) {
            case SIGMOID -> h * (1 - h) * (1 - 2 * h);
            case TANH -> -2 * h * (1 - h * h);
            case RELU, LINEAR -> 0;
        };
    }

    /** The logistic function 1 / (1 + e^−a), without overflow for large |a|. */
    static double sigmoid(double a) {
        return 1 / (1 + Math.exp(-a));
    }
}

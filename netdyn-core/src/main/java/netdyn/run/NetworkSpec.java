package netdyn.run;

import java.io.Serializable;
import java.util.Arrays;
import java.util.stream.Collectors;

import netdyn.BadInputException;
import netdyn.nn.Activation;
import netdyn.nn.LossKind;
import netdyn.nn.MlpSpec;
import netdyn.nn.OutputKind;

/**
 * The network of a run without its data's sizes: hidden widths (empty for a linear model), hidden
 * activation, output map, loss and L2 weight decay ½λ‖W‖². {@link #resolve} adds the number of inputs
 * and classes the data has.
 */
public record NetworkSpec(int[] hidden, Activation activation, OutputKind output, LossKind loss,
                          double weightDecay) implements Serializable {

    /** The reference study's 10 sigmoid units, softmax output and cross-entropy. */
    public static final NetworkSpec STUDY = new NetworkSpec(new int[] {10}, Activation.SIGMOID, OutputKind.SOFTMAX,
            LossKind.CE, 0);

    public NetworkSpec {
        hidden = hidden.clone();
        for (int w : hidden) {
            if (w < 1) {
                throw BadInputException.of("hidden", "layer widths must be >= 1 (got " + w + "); none (no hidden "
                        + "layer) for a linear model");
            }
        }
        if (loss == LossKind.CE && output == OutputKind.LINEAR) {
            throw BadInputException.of("loss", "ce needs the softmax or sigmoid-normalized output (cross-entropy of "
                    + "linear outputs is undefined); use mse with the linear output");
        }
        if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
            throw BadInputException.of("weightDecay", "must be a finite number >= 0 (got " + weightDecay + ")");
        }
    }

    @Override
    public int[] hidden() {
        return hidden.clone();
    }

    /** Layers with weights: the hidden layers and the output layer. */
    public int layers() {
        return hidden.length + 1;
    }

    public NetworkSpec withHidden(int... widths) {
        return new NetworkSpec(widths, activation, output, loss, weightDecay);
    }

    public NetworkSpec withActivation(Activation a) {
        return new NetworkSpec(hidden, a, output, loss, weightDecay);
    }

    /** The full network for data with {@code inputs} features and {@code classes} classes. */
    public MlpSpec resolve(int inputs, int classes) {
        return new MlpSpec(inputs, hidden, classes, activation, output, loss, weightDecay);
    }

    /** Widths as text: "10", "32,32", or "none". */
    public static String hiddenText(int[] widths) {
        return widths.length == 0 ? "none" : Arrays.stream(widths).mapToObj(Integer::toString)
                .collect(Collectors.joining(","));
    }

    /** Parses "10", "32,32" or "none". */
    public static int[] parseHidden(String text) {
        String s = text.trim();
        if (s.equals("none") || s.isEmpty()) {
            return new int[0];
        }
        String[] parts = s.split(",");
        int[] widths = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                widths[i] = Integer.parseInt(parts[i].trim());
            } catch (NumberFormatException e) {
                throw BadInputException.of("hidden", "'" + parts[i].trim() + "' is not a layer width (use e.g. 10, "
                        + "32,32 or none)");
            }
            if (widths[i] < 1) {
                throw BadInputException.of("hidden", "layer widths must be >= 1 (got " + widths[i] + "); none (no "
                        + "hidden layer) for a linear model");
            }
        }
        return widths;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NetworkSpec n && Arrays.equals(hidden, n.hidden) && activation == n.activation
                && output == n.output && loss == n.loss && Double.compare(weightDecay, n.weightDecay) == 0;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(hidden) * 31 + java.util.Objects.hash(activation, output, loss, weightDecay);
    }

    @Override
    public String toString() {
        return "NetworkSpec[hidden=" + hiddenText(hidden) + ", activation=" + activation.id() + ", output="
                + output.id() + ", loss=" + loss.id() + ", weightDecay=" + weightDecay + "]";
    }
}

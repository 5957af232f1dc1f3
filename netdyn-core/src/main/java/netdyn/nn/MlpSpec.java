package netdyn.nn;

import java.util.Arrays;

import netdyn.BadInputException;

/**
 * A multilayer perceptron: {@code inputs} → hidden layers (each with the same activation) →
 * {@code outputs} pre-activations z → output map → loss, with optional L2 weight decay
 * ½ λ Σ W² on weights (not biases).
 *
 * @param hidden widths of the hidden layers; empty for a linear model
 */
public record MlpSpec(int inputs, int[] hidden, int outputs, Activation activation, OutputKind output,
                      LossKind loss, double weightDecay) {

    public MlpSpec {
        if (inputs < 1) {
            throw new BadInputException("the network needs at least one input (got " + inputs + ")");
        }
        if (outputs < 1) {
            throw new BadInputException("the network needs at least one output (got " + outputs + ")");
        }
        hidden = hidden.clone();
        for (int w : hidden) {
            if (w < 1) {
                throw BadInputException.of(MlpSpec.class, "hidden", "layer widths must be >= 1 (got " + w
                        + "); no hidden layer (an empty array) for a linear model");
            }
        }
        if (loss == LossKind.CE && output == OutputKind.LINEAR) {
            throw BadInputException.of(MlpSpec.class, "loss", "ce needs the softmax or sigmoid-normalized output "
                    + "(cross-entropy of linear outputs is undefined); use mse with the linear output");
        }
        if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
            throw BadInputException.of(MlpSpec.class, "weightDecay", "must be a finite number >= 0 (got "
                    + weightDecay + ")");
        }
    }

    /** The 4–10–3 sigmoid network with softmax cross-entropy of the reference study. */
    public static MlpSpec study(int inputs, int outputs) {
        return new MlpSpec(inputs, new int[] {10}, outputs, Activation.SIGMOID, OutputKind.SOFTMAX, LossKind.CE, 0);
    }

    public int layerCount() {
        return hidden.length + 1;
    }

    /** Width of layer l's input (l = 0 is the first weight layer). */
    public int fanIn(int l) {
        return l == 0 ? inputs : hidden[l - 1];
    }

    public int fanOut(int l) {
        return l == hidden.length ? outputs : hidden[l];
    }

    /** e.g. "4-10-3". */
    public String shape() {
        StringBuilder sb = new StringBuilder().append(inputs);
        for (int w : hidden) {
            sb.append('-').append(w);
        }
        return sb.append('-').append(outputs).toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MlpSpec s && inputs == s.inputs && Arrays.equals(hidden, s.hidden) && outputs == s.outputs
                && activation == s.activation && output == s.output && loss == s.loss
                && Double.compare(weightDecay, s.weightDecay) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(hidden) + inputs + 17 * outputs + activation.hashCode() + output.hashCode();
    }

    @Override
    public String toString() {
        return shape() + " " + activation.id() + " " + output.id() + " " + loss.id()
                + (weightDecay > 0 ? " wd=" + weightDecay : "");
    }
}

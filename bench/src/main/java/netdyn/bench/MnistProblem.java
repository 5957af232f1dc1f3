package netdyn.bench;

import java.util.ArrayList;
import java.util.List;

import netdyn.data.Dataset;
import netdyn.nn.Activation;
import netdyn.nn.Batch;
import netdyn.nn.InitSpec;
import netdyn.nn.LossKind;
import netdyn.nn.MlpLayout;
import netdyn.nn.MlpSpec;
import netdyn.nn.OutputKind;
import netdyn.rng.SplitMix64;

/**
 * The follow-up study's problem at benchmark size: a 784–64–10 tanh network, linear logits and mean
 * softmax cross-entropy, on N MNIST-shaped samples (784 features uniform in [0, 1), labels uniform in
 * 0..9, from a fixed seed), float64, weights N(0, 1), biases 0. Uniform inputs have no zero pixels, so
 * this is the dense worst case; the same shapes as bench/pytorch's mnist forms.
 */
final class MnistProblem {
    static final MlpSpec SPEC = new MlpSpec(784, new int[] {64}, 10, Activation.TANH, OutputKind.SOFTMAX,
            LossKind.CE, 0);

    private MnistProblem() {
    }

    static Batch batch(int n) {
        SplitMix64 rng = new SplitMix64(20261201L);
        double[][] x = new double[n][784];
        int[] labels = new int[n];
        for (int s = 0; s < n; s++) {
            for (int i = 0; i < 784; i++) {
                x[s][i] = rng.nextDouble();
            }
            labels[s] = (int) (rng.nextDouble() * 10);
        }
        List<String> classes = new ArrayList<>();
        for (int c = 0; c < 10; c++) {
            classes.add(Integer.toString(c));
        }
        List<String> features = new ArrayList<>();
        for (int i = 0; i < 784; i++) {
            features.add("px" + i);
        }
        return Batch.of(new Dataset("mnist-shaped", x, labels, classes, features));
    }

    /** θ of replica r from seed 1, the study's init. */
    static double[] init(int replicas) {
        MlpLayout layout = new MlpLayout(SPEC);
        int p = layout.parameterCount();
        double[] theta = new double[replicas * p];
        for (int r = 0; r < replicas; r++) {
            InitSpec.STUDY.initialize(layout, 1, r, theta, r * p);
        }
        return theta;
    }
}

package netdyn.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import netdyn.analysis.DivergenceResult;
import netdyn.analysis.RegimeClassifier;
import netdyn.analysis.RegimeEvidence;
import netdyn.dynamics.GradientDescentMap;
import netdyn.nn.Batch;
import netdyn.nn.MlpLayout;

/** The regime label (netdyn regime's rule) of each reference run of {@code netdyn divergence}. */
final class DivergenceRegimes {
    private DivergenceRegimes() {
    }

    /** Each of the {@code inits} reference runs' regime label, and how many inits got each label. */
    static Map<String, Object> of(NetworkOptions.Setup setup, DivergenceResult result, int inits, long steps,
                                  long seed) {
        MlpLayout layout = new MlpLayout(setup.spec());
        Batch train = Batch.of(setup.trainSet());
        Map<String, Integer> counts = new TreeMap<>();
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < inits; i++) {
            double[] theta0 = new double[layout.parameterCount()];
            setup.init().initialize(layout, seed, i, theta0, 0);
            double[] loss = result.reference().loss()[i];
            double[] thetaT = finalTheta(setup, theta0, steps);
            String label = RegimeClassifier.classify(RegimeEvidence.measure(
                    setup.spec(), train, setup.optimizer(), theta0, loss, thetaT, seed).evidence()).label();
            labels.add(label);
            counts.merge(label, 1, Integer::sum);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("counts", counts);
        m.put("perInit", labels);
        return m;
    }

    /** θ(T) of a reference run, recomputed (the protocol keeps only its loss and norms). */
    private static double[] finalTheta(NetworkOptions.Setup setup, double[] theta0, long steps) {
        GradientDescentMap map = new GradientDescentMap(setup.spec(), Batch.of(setup.trainSet()), setup.optimizer());
        double[] x = new double[map.dimension()];
        double[] next = new double[map.dimension()];
        System.arraycopy(theta0, 0, x, 0, theta0.length);
        for (long t = 0; t < steps; t++) {
            map.step(t, x, next);
            double[] s = x;
            x = next;
            next = s;
        }
        return Arrays.copyOf(x, theta0.length);
    }
}

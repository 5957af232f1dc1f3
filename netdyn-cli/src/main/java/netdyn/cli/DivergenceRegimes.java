package netdyn.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import netdyn.run.ResolvedRun;
import netdyn.analysis.RegimeClassifier;
import netdyn.analysis.RegimeEvidence;
import netdyn.nn.Batch;
import netdyn.nn.MlpLayout;

/** The regime label (netdyn regime's rule) of each reference run of {@code netdyn divergence}. */
final class DivergenceRegimes {
    private DivergenceRegimes() {
    }

    /** Each of the {@code inits} reference runs' regime label, and how many inits got each label. */
    static Map<String, Object> of(ResolvedRun setup, int inits, long steps,
                                  long seed) {
        MlpLayout layout = new MlpLayout(setup.spec());
        Batch train = Batch.of(setup.trainSet());
        Map<String, Integer> counts = new TreeMap<>();
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < inits; i++) {
            double[] theta0 = new double[layout.parameterCount()];
            setup.init().initialize(layout, seed, i, theta0, 0);
            String label = RegimeClassifier.classify(RegimeEvidence.measure(
                    setup.spec(), train, setup.optimizer(), theta0, steps, seed).evidence()).label();
            labels.add(label);
            counts.merge(label, 1, Integer::sum);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("counts", counts);
        m.put("perInit", labels);
        return m;
    }
}

package netdyn.cli;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import netdyn.dynamics.OptimizerSpec;
import netdyn.nn.Batch;
import netdyn.nn.MlpLayout;
import netdyn.sweep.SweepTask;
import netdyn.sweep.TaskMeasurer;
import netdyn.sweep.TaskProblem;

/**
 * The problem of each sweep task: the network options with the task's grid values put in. Data and
 * network are resolved once per distinct non-learning-rate setting and shared by the threads
 * (read-only).
 */
final class SweepProblems implements Function<SweepTask, TaskProblem> {
    private final NetworkOptions base;
    private final Map<String, Resolved> cache = new ConcurrentHashMap<>();

    private record Resolved(NetworkOptions.Setup setup, Batch train, Batch test, long seed) {
    }

    SweepProblems(NetworkOptions base) {
        this.base = base;
    }

    /** Resolves every distinct network of the grid now, so bad grid values fail before any work. */
    void check(netdyn.sweep.SweepSpec spec) {
        for (int i = 0; i < spec.taskCount(); i += spec.inits()) {
            TaskMeasurer.requireTailWeight(spec, new MlpLayout(apply(spec.task(i)).spec()));
        }
    }

    @Override
    public TaskProblem apply(SweepTask task) {
        String key = networkKey(task.setting());
        Resolved r = cache.computeIfAbsent(key, k -> resolve(task.setting()));
        Map<String, String> s = task.setting();
        OptimizerSpec optimizer;
        if (s.containsKey("lr-hidden")) {
            int layers = new MlpLayout(r.setup.spec()).layerCount();
            optimizer = layers == 1 ? OptimizerSpec.gradientDescent(Double.parseDouble(s.get("lr-output")))
                    : OptimizerSpec.perLayer(Double.parseDouble(s.get("lr-hidden")),
                            Double.parseDouble(s.get("lr-output")), layers);
        } else {
            OptimizerSpec o = r.setup.optimizer();
            optimizer = new OptimizerSpec(Double.parseDouble(s.get("lr")), o.momentum(), o.batchSize(), o.batchSeed());
        }
        return new TaskProblem(r.setup.spec(), r.train, r.test, r.setup.init(), r.seed, optimizer);
    }

    private static String networkKey(Map<String, String> setting) {
        StringBuilder b = new StringBuilder();
        setting.forEach((k, v) -> {
            if (!k.startsWith("lr")) {
                b.append(k).append('=').append(v).append('\n');
            }
        });
        return b.toString();
    }

    private Resolved resolve(Map<String, String> setting) {
        NetworkOptions o = base;
        for (Map.Entry<String, String> e : setting.entrySet()) {
            if (!e.getKey().startsWith("lr")) {
                o = o.with(e.getKey(), e.getValue());
            }
        }
        o = o.with("lr", "1"); // the grid's learning rates are put in per task
        NetworkOptions.Setup setup = o.resolve();
        Batch test = setup.testSet().size() == 0 ? null : Batch.of(setup.testSet());
        return new Resolved(setup, Batch.of(setup.trainSet()), test, o.seed);
    }
}

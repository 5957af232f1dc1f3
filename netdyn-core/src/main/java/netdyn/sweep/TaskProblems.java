package netdyn.sweep;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import netdyn.nn.Batch;
import netdyn.nn.MlpLayout;
import netdyn.nn.MlpSpec;
import netdyn.run.DataSpec;
import netdyn.run.RunSpec;

/**
 * The problem of each task of a sweep: the task's run ({@link SweepSpec#run}) resolved against its data,
 * which is loaded once per distinct {@link DataSpec} and shared, read-only, by every task and thread.
 */
public final class TaskProblems implements Function<SweepTask, TaskProblem> {
    private final SweepSpec sweep;
    private final Map<DataSpec, Prepared> data = new ConcurrentHashMap<>();

    private record Prepared(DataSpec.Data data, Batch train, Batch test) {
        static Prepared of(DataSpec.Data d) {
            return new Prepared(d, Batch.of(d.train()), d.test().size() == 0 ? null : Batch.of(d.test()));
        }
    }

    public TaskProblems(SweepSpec sweep) {
        this.sweep = sweep;
    }

    /**
     * The problems of {@code sweep} from data loaded elsewhere ({@link #loaded} of a checked instance, shipped
     * to another process): nothing is read from files here, so a worker needs no access to the user's data.
     */
    public static TaskProblems of(SweepSpec sweep, Map<DataSpec, DataSpec.Data> loaded) {
        TaskProblems p = new TaskProblems(sweep);
        loaded.forEach((spec, d) -> p.data.put(spec, Prepared.of(d)));
        return p;
    }

    /** Every data source loaded so far (all of the grid's after {@link #check}), by its specification. */
    public Map<DataSpec, DataSpec.Data> loaded() {
        Map<DataSpec, DataSpec.Data> m = new java.util.LinkedHashMap<>();
        data.forEach((spec, p) -> m.put(spec, p.data()));
        return m;
    }

    /**
     * Loads every data source of the grid and sizes every network now (and checks the tail weight and the
     * number of tangent exponents against it), so that a bad grid value fails before any work.
     */
    public TaskProblems check() {
        for (int i = 0; i < sweep.taskCount(); i += sweep.inits()) {
            MlpLayout layout = new MlpLayout(apply(sweep.task(i)).spec());
            TaskMeasurer.requireTailWeight(sweep, layout);
            TaskMeasurer.requireSpectrumWithinLimit(sweep, layout);
        }
        return this;
    }

    @Override
    public TaskProblem apply(SweepTask task) {
        RunSpec run = sweep.run(task);
        // loaded here unless given by of(sweep, loaded)
        Prepared p = data.computeIfAbsent(run.data(), d -> Prepared.of(d.load()));
        MlpSpec mlp = run.network().resolve(p.data.train().featureCount(), p.data.train().classCount());
        return new TaskProblem(mlp, p.train, p.test, run.init(), run.seed(), run.optimizer());
    }
}

package netdyn.sweep;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import netdyn.BadInputException;
import netdyn.run.RunSpec;

/**
 * A sweep: a base run, the grid (axes, the first varying slowest), {@code inits} initialisations per grid
 * point, and what every task measures. A task is one (grid point, init); task indices run over the grid in
 * row-major order with the init innermost; {@link #run} is the task's run (the base with the point's axis
 * values applied).
 *
 * <p>Seeds: init i of a task is drawn exactly as {@code netdyn train --seed S} draws its init when
 * i = 0 ({@code InitSpec.initialize(layout, S, i, …)}), where S is the run's seed (the base seed, or the
 * task's value on a {@code seed} axis): every learning rate starts from the same networks, so a row can be
 * reproduced by one {@code train} run. Random draws inside a task (replica perturbations, QR and
 * Lanczos start vectors, twin direction, series tests) come from seeds derived from the sweep seed and the
 * task's init or index, so results depend on neither scheduling, thread count nor sharding.
 *
 * @param base       the run every task starts from: data, network, init, optimizer, steps and seed (its
 *                   learning rates are placeholders where an axis sets them)
 * @param axes       the grid, possibly empty (one grid point)
 * @param replicas   perturbed copies per task for the nMLE
 * @param epsilon    their perturbation size
 * @param tail       last loss values kept per task (the bifurcation diagram)
 * @param target     test accuracy whose first crossing is recorded
 * @param tailWeight index into θ of a parameter whose last {@code tail} values are kept too (the bifurcation
 *                   diagram of one weight), or −1 for none
 */
public record SweepSpec(RunSpec base, List<Axis> axes, int inits, int replicas, double epsilon, Measures measures,
                        int tail, double target, int tailWeight) implements Serializable {

    /** A sweep that keeps no weight's tail. */
    public SweepSpec(RunSpec base, List<Axis> axes, int inits, int replicas, double epsilon, Measures measures,
                     int tail, double target) {
        this(base, axes, inits, replicas, epsilon, measures, tail, target, -1);
    }

    public SweepSpec {
        if (inits < 1) {
            throw BadInputException.of("inits", "must be >= 1 (got " + inits + ")");
        }
        if (replicas < 1) {
            throw BadInputException.of("replicas", "must be >= 1 (got " + replicas + ")");
        }
        if (base.steps() < 2 || base.steps() > Integer.MAX_VALUE - 1) {
            throw BadInputException.of("steps", "must be between 2 and " + (Integer.MAX_VALUE - 1) + " (got "
                    + base.steps() + ")");
        }
        if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
            throw BadInputException.of("epsilon", "must be a finite number > 0 (got " + epsilon + ")");
        }
        if (tail < 1) {
            throw BadInputException.of("tail", "must be >= 1 (got " + tail + ")");
        }
        if (!(target > 0 && target <= 1)) {
            throw BadInputException.of("target", "must be in (0, 1] (got " + target + ")");
        }
        if (tailWeight < -1) {
            throw BadInputException.of("tailWeight", "must be a parameter index >= 0 (got " + tailWeight + ")");
        }
        axes = List.copyOf(axes);
        long points = 1;
        for (Axis a : axes) {
            points *= a.size();
            for (int i = 0; i < a.size(); i++) {
                a.apply(base, i); // every value must make a valid run: fail now, not in task 4711
            }
        }
        if (points * inits > Integer.MAX_VALUE) {
            throw new BadInputException("the grid has " + points * inits + " tasks; at most " + Integer.MAX_VALUE);
        }
    }

    public long steps() {
        return base.steps();
    }

    /** The sweep seed: the base run's (a seed axis changes the runs' seeds, not this one). */
    public long seed() {
        return base.seed();
    }

    public int gridPoints() {
        int n = 1;
        for (Axis a : axes) {
            n *= a.size();
        }
        return n;
    }

    public int taskCount() {
        return gridPoints() * inits;
    }

    public SweepTask task(int index) {
        if (index < 0 || index >= taskCount()) {
            throw new IllegalArgumentException("task " + index + " of " + taskCount());
        }
        int init = index % inits;
        int rest = index / inits;
        int[] point = new int[axes.size()];
        for (int a = axes.size() - 1; a >= 0; a--) {
            point[a] = rest % axes.get(a).size();
            rest /= axes.get(a).size();
        }
        Map<String, String> setting = new LinkedHashMap<>();
        for (int a = 0; a < axes.size(); a++) {
            setting.put(axes.get(a).name(), axes.get(a).values().get(point[a]));
        }
        return new SweepTask(index, point, init, setting);
    }

    /**
     * The task's grid point as a result row holds it, axis by axis in grid order: each value typed by its
     * axis's setting ({@link Axis.Setting#rowValue}: numbers for rates and seeds, text otherwise).
     */
    public Map<String, Object> rowValues(SweepTask task) {
        Map<String, Object> values = new LinkedHashMap<>();
        int[] point = task.point();
        for (int a = 0; a < axes.size(); a++) {
            Axis axis = axes.get(a);
            values.put(axis.setting().rowKey(), axis.setting().rowValue(axis.values().get(point[a])));
        }
        return values;
    }

    /** The run of {@code task}: the base with the task's grid point applied, axis by axis. */
    public RunSpec run(SweepTask task) {
        RunSpec r = base;
        for (int a = 0; a < axes.size(); a++) {
            r = axes.get(a).apply(r, task.point()[a]);
        }
        return r;
    }

    /** The axis of this name, or null. */
    public Axis axis(String name) {
        for (Axis a : axes) {
            if (a.name().equals(name)) {
                return a;
            }
        }
        return null;
    }

    /**
     * Every setting that decides the results, as canonical text in a fixed order: two sweeps with equal
     * settings compute equal rows, so a result store may only be resumed or merged under equal settings.
     */
    public Map<String, String> settings() {
        Map<String, String> s = new LinkedHashMap<>();
        Map<String, String> run = base.settings();
        run.keySet().stream().sorted().forEach(k -> s.put(k, run.get(k)));
        for (Axis a : axes) {
            s.put("grid " + a.name(), a.text());
        }
        s.put("inits", Integer.toString(inits));
        s.put("replicas", Integer.toString(replicas));
        s.put("steps", Long.toString(steps()));
        s.put("eps", Double.toString(epsilon));
        s.put("measure", measures.text());
        s.put("tail", Integer.toString(tail));
        s.put("target-accuracy", Double.toString(target));
        s.put("seed", Long.toString(seed()));
        s.put("tail-weight", tailWeight < 0 ? "none" : Integer.toString(tailWeight));
        return s;
    }
}

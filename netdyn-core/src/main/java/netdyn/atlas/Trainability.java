package netdyn.atlas;

import java.util.Map;

import netdyn.sweep.ResultRows;

/**
 * How one run of a trainability map ended: trained, stalled or diverged. Diverged when the loss is not
 * finite at the end or ends above where it started ({@code finalLoss > initialLoss}); trained when it ends
 * below half a reference loss, the chance level ln C ({@code chanceLoss}, cross entropy) or the initial
 * loss when that is lower or there is no chance level; stalled in between.
 */
public enum Trainability {
    TRAINED("trained"),
    STALLED("stalled"),
    DIVERGED("diverged");

    private final String label;

    Trainability(String label) {
        this.label = label;
    }

    /** The class of a result row ({@code status}, {@code finalLoss}, {@code initialLoss}, {@code chanceLoss}). */
    public static Trainability of(Map<String, Object> row) {
        double fin = ResultRows.number(row, "finalLoss");
        double init = ResultRows.number(row, "initialLoss");
        double chance = ResultRows.number(row, "chanceLoss");
        if (ResultRows.diverged(row) || !Double.isFinite(fin) || fin > init) {
            return DIVERGED;
        }
        double reference = Double.isFinite(chance) ? Math.min(chance, init) : init;
        return fin < 0.5 * reference ? TRAINED : STALLED;
    }

    /** The class's name on pages and in tables. */
    public String label() {
        return label;
    }
}

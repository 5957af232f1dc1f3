package netdyn.nn;

import java.util.Arrays;
import java.util.List;

import netdyn.BadInputException;

/**
 * Per-sample losses on one-hot targets y: {@code ce} ℓ = −Σ_k y_k ln p_k; {@code mse}
 * ℓ = ½ Σ_k (p_k − y_k)², so that L = (1/(2N)) Σ_n Σ_k (p_nk − y_nk)². The training loss is the
 * mean over samples (natural log).
 */
public enum LossKind {
    CE("ce"),
    MSE("mse");

    private final String id;

    LossKind(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static LossKind parse(String s) {
        for (LossKind l : values()) {
            if (l.id.equals(s)) {
                return l;
            }
        }
        throw BadInputException.of(LossKind.class, "loss", ": unknown loss '" + s + "' (valid: "
                + String.join(", ", ids()) + ")");
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(LossKind::id).toList();
    }
}

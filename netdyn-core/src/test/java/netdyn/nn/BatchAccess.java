package netdyn.nn;

/** Test access to a batch's labels. */
public final class BatchAccess {
    private BatchAccess() {
    }

    public static int label(Batch b, int s) {
        return b.labels()[s];
    }
}

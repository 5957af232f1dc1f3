package netdyn.nn;

/**
 * Where each layer's weights and biases sit in the flat parameter vector θ: for each layer l in
 * turn, W_l as [fanIn][fanOut] row-major (W[i][j] at {@code weightOffset(l) + i·fanOut + j}),
 * then b_l. This order is also the file format of params.npy and {@code --init-from}.
 */
public final class MlpLayout {
    private final MlpSpec spec;
    private final int[] weightOffset;
    private final int[] biasOffset;
    private final int parameterCount;
    private final int weightCount;

    public MlpLayout(MlpSpec spec) {
        this.spec = spec;
        int layers = spec.layerCount();
        weightOffset = new int[layers];
        biasOffset = new int[layers];
        long p = 0;
        long w = 0;
        for (int l = 0; l < layers; l++) {
            weightOffset[l] = (int) p;
            long size = (long) spec.fanIn(l) * spec.fanOut(l);
            p += size;
            w += size;
            biasOffset[l] = (int) p;
            p += spec.fanOut(l);
            if (p > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("network too large: more than 2^31 parameters");
            }
        }
        parameterCount = (int) p;
        weightCount = (int) w;
    }

    public MlpSpec spec() {
        return spec;
    }

    /** P, the length of θ. */
    public int parameterCount() {
        return parameterCount;
    }

    /** N_w, the number of weights (parameters that are not biases). */
    public int weightCount() {
        return weightCount;
    }

    public int layerCount() {
        return weightOffset.length;
    }

    public int weightOffset(int l) {
        return weightOffset[l];
    }

    public int biasOffset(int l) {
        return biasOffset[l];
    }

    /** A mask with true at the weights. */
    public boolean[] weightMask() {
        boolean[] mask = new boolean[parameterCount];
        for (int l = 0; l < weightOffset.length; l++) {
            for (int i = weightOffset[l]; i < biasOffset[l]; i++) {
                mask[i] = true;
            }
        }
        return mask;
    }
}

package netdyn.curvature;

import java.util.Arrays;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

import netdyn.nn.Batch;
import netdyn.nn.MlpEvaluator;

/**
 * The full Hessian H(θ) of the training loss, assembled column by column from P exact
 * Hessian-vector products (then symmetrised, which only removes rounding), and its eigenvalues by
 * EJML's symmetric QR algorithm. Cost: P Hessian-vector products + O(P³) and P² doubles of memory;
 * limited to P ≤ {@value #MAX_PARAMETERS} (see there), above which the top eigenvalues come from
 * {@link LanczosEstimator}.
 *
 * @param eigenvalues descending
 * @param nearZero    eigenvalues with |λ| ≤ tolerance · max|λ| (flat directions)
 * @param negative    eigenvalues below −tolerance · max|λ|
 * @param tolerance   the relative tolerance used
 */
public record HessianSpectrum(double[] eigenvalues, int nearZero, int negative, double tolerance) {

    /**
     * The largest P for which netdyn builds a full P × P Hessian or follows all P tangent directions (the
     * full Lyapunov spectrum): 2000² doubles are 32 MB (EJML's eigensolver holds a few such matrices) and
     * the O(P³) eigensolve or QR step takes seconds on one core, where P = 50 890 (a 784–64–10 network)
     * would need 20 GB and days. Above it, commands refuse an explicit request for the full spectrum and
     * skip an automatic one.
     */
    public static final int MAX_PARAMETERS = 2000;

    /** Whether a network of {@code parameters} values is within {@link #MAX_PARAMETERS}. */
    public static boolean fits(long parameters) {
        return parameters <= MAX_PARAMETERS;
    }

    /** Why a full spectrum of {@code parameters} values is not computed, for messages and summaries. */
    public static String limitText(long parameters) {
        return "the full spectrum is limited to P ≤ " + MAX_PARAMETERS + " parameters (this network has "
                + parameters + ")";
    }

    /** Why an automatic full spectrum of {@code parameters} values was skipped: "P = 50890 > 2000, the limit …". */
    public static String skippedText(long parameters) {
        return "P = " + parameters + " > " + MAX_PARAMETERS + ", the limit of the full spectrum";
    }

    /** Default relative tolerance for "near zero": well above rounding in H, far below curvature scales. */
    public static final double DEFAULT_TOLERANCE = 1e-8;

    public double max() {
        return eigenvalues[0];
    }

    /** Writes H(θ) row-major into {@code out} (P × P). Uses and overwrites the evaluator's state. */
    public static void assemble(MlpEvaluator evaluator, double[] theta, Batch batch, double[] out) {
        int p = evaluator.layout().parameterCount();
        double[] grad = new double[p];
        double[] e = new double[p];
        double[] column = new double[p];
        evaluator.lossAndGradient(theta, 0, batch, grad, 0);
        for (int j = 0; j < p; j++) {
            e[j] = 1;
            evaluator.hessianVectorProduct(theta, 0, batch, e, 0, column, 0);
            e[j] = 0;
            for (int i = 0; i < p; i++) {
                out[i * p + j] = column[i];
            }
        }
        for (int i = 0; i < p; i++) {
            for (int j = i + 1; j < p; j++) {
                double mean = 0.5 * (out[i * p + j] + out[j * p + i]);
                out[i * p + j] = mean;
                out[j * p + i] = mean;
            }
        }
    }

    /** The spectrum of H(θ). */
    public static HessianSpectrum of(MlpEvaluator evaluator, double[] theta, Batch batch, double tolerance) {
        int p = evaluator.layout().parameterCount();
        if (!fits(p)) {
            throw new IllegalArgumentException("a full Hessian of P = " + p + " parameters: " + limitText(p));
        }
        double[] h = new double[p * p];
        assemble(evaluator, theta, batch, h);
        return ofSymmetric(h, p, tolerance);
    }

    /** The spectrum of a symmetric matrix given row-major (modified). */
    public static HessianSpectrum ofSymmetric(double[] matrix, int p, double tolerance) {
        double[] ev = symmetricEigenvalues(matrix, p);
        double scale = 0;
        for (double v : ev) {
            scale = Math.max(scale, Math.abs(v));
        }
        int zero = 0;
        int negative = 0;
        for (double v : ev) {
            if (Math.abs(v) <= tolerance * scale) {
                zero++;
            } else if (v < 0) {
                negative++;
            }
        }
        return new HessianSpectrum(ev, zero, negative, tolerance);
    }

    /** Eigenvalues of a symmetric matrix (row-major, n × n; the array is used as workspace), descending. */
    public static double[] symmetricEigenvalues(double[] matrix, int n) {
        DMatrixRMaj a = DMatrixRMaj.wrap(n, n, matrix);
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false, true);
        if (!eig.decompose(a)) {
            throw new IllegalStateException("symmetric eigen-decomposition did not converge");
        }
        double[] ev = new double[n];
        for (int i = 0; i < n; i++) {
            ev[i] = eig.getEigenvalue(i).real;
        }
        return sortDescending(ev);
    }

    /** Sorts {@code a} in place, largest first; returns it. */
    public static double[] sortDescending(double[] a) {
        Arrays.sort(a);
        int n = a.length;
        for (int i = 0; i < n / 2; i++) {
            double t = a[i];
            a[i] = a[n - 1 - i];
            a[n - 1 - i] = t;
        }
        return a;
    }
}

package netdyn.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.ejml.data.Complex_F64;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

import netdyn.dynamics.DiscreteMap;
import netdyn.dynamics.QuadraticOptimizerMap;
import netdyn.dynamics.UpdateRule;

/**
 * Known answers for the adaptive optimizers' tangent maps (Cohen et al. 2022, arXiv:2207.14484, §2): at a minimum
 * θ* = 0 of ½θᵀAθ with m = 0 and second moments v held (t → ∞, so the bias corrections are 1), Adam's one-step
 * Jacobian is block triangular: δv' = β₂ δv, and (δθ, δm) move as heavy ball with rate η(1 − β₁)/p_i on u = m/(1 − β₁),
 * p_i = √v'_i + ε with the step's own v' = β₂ v, whose roots solve λ² − (1 − η(1 − β₁) a_i / p_i + β₁) λ + β₁ = 0. Its stability threshold is
 * λ_max(P⁻¹A) &lt; 2(1 + β₁)/((1 − β₁) η), the 38/η of β₁ = 0.9.
 */
public final class OptimizerLinearisation {
    private OptimizerLinearisation() {
    }

    /** The one-step Jacobian of {@code map} at (t, x), assembled from the tangent map column by column. */
    public static DMatrixRMaj jacobian(DiscreteMap map, long t, double[] x) {
        int n = map.dimension();
        DMatrixRMaj j = new DMatrixRMaj(n, n);
        double[] e = new double[n];
        double[] col = new double[n];
        for (int c = 0; c < n; c++) {
            e[c] = 1;
            map.tangent(t, x, e, col);
            e[c] = 0;
            for (int r = 0; r < n; r++) {
                j.set(r, c, col[r]);
            }
        }
        return j;
    }

    /** The eigenvalues of a square matrix, sorted by real part then imaginary part. */
    public static List<Complex_F64> eigenvalues(DMatrixRMaj m) {
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(m.numRows, false);
        if (!eig.decompose(m.copy())) {
            throw new IllegalStateException("the eigenvalue decomposition did not converge");
        }
        List<Complex_F64> l = new ArrayList<>();
        for (int i = 0; i < m.numRows; i++) {
            l.add(eig.getEigenvalue(i));
        }
        l.sort(Comparator.<Complex_F64>comparingDouble(c -> c.real).thenComparingDouble(c -> c.imaginary));
        return l;
    }

    /** The roots of λ² − bλ + c = 0 and {@code extra}, as complex numbers, sorted as {@link #eigenvalues}. */
    static List<Complex_F64> quadraticRoots(double[] b, double[] c, double extra, int extras) {
        List<Complex_F64> l = new ArrayList<>();
        for (int i = 0; i < b.length; i++) {
            double d = b[i] * b[i] - 4 * c[i];
            if (d >= 0) {
                l.add(new Complex_F64((b[i] + Math.sqrt(d)) / 2, 0));
                l.add(new Complex_F64((b[i] - Math.sqrt(d)) / 2, 0));
            } else {
                l.add(new Complex_F64(b[i] / 2, Math.sqrt(-d) / 2));
                l.add(new Complex_F64(b[i] / 2, -Math.sqrt(-d) / 2));
            }
        }
        for (int i = 0; i < extras; i++) {
            l.add(new Complex_F64(extra, 0));
        }
        l.sort(Comparator.<Complex_F64>comparingDouble(z -> z.real).thenComparingDouble(z -> z.imaginary));
        return l;
    }

    /**
     * The largest |λ − λ_expected| between the eigenvalues of Adam's Jacobian at a minimum of ½θᵀAθ,
     * A = diag(a), with second moments v (β₁ = 0.9, β₂ = 0.999, ε = 1e-8, η = {@code eta}, t = 10⁹) and those of
     * preconditioned heavy ball and β₂.
     */
    public static double adamAgainstPreconditionedHeavyBall(double[] a, double[] v, double eta) {
        int n = a.length;
        UpdateRule adam = UpdateRule.defaults(UpdateRule.Kind.ADAM);
        double[][] matrix = new double[n][n];
        for (int i = 0; i < n; i++) {
            matrix[i][i] = a[i];
        }
        QuadraticOptimizerMap map = new QuadraticOptimizerMap(matrix, eta, adam);
        double[] x = new double[3 * n];
        System.arraycopy(v, 0, x, 2 * n, n);
        List<Complex_F64> measured = eigenvalues(jacobian(map, 1_000_000_000L, x));
        double b1 = adam.beta1();
        double[] b = new double[n];
        double[] c = new double[n];
        for (int i = 0; i < n; i++) {
            double p = Math.sqrt(adam.beta2() * v[i]) + adam.epsilon(); // the step divides by its new v' = β₂v
            b[i] = 1 - eta * (1 - b1) * a[i] / p + b1;
            c[i] = b1;
        }
        List<Complex_F64> expected = quadraticRoots(b, c, adam.beta2(), n);
        double worst = 0;
        for (int i = 0; i < expected.size(); i++) {
            Complex_F64 d = new Complex_F64(measured.get(i).real - expected.get(i).real,
                    measured.get(i).imaginary - expected.get(i).imaginary);
            worst = Math.max(worst, d.getMagnitude());
        }
        return worst;
    }

    /** {@link #adamAgainstPreconditionedHeavyBall} on A = diag(1, 3, 0.5, 2), v = (0.04, 0.25, 0.01, 1), η = 0.01. */
    public static double adamAgainstPreconditionedHeavyBall() {
        return adamAgainstPreconditionedHeavyBall(new double[] {1, 3, 0.5, 2}, new double[] {0.04, 0.25, 0.01, 1},
                0.01);
    }
}

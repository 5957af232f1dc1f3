package netdyn.dynamics;

import java.util.Arrays;

import netdyn.nn.MlpLayout;

/**
 * One optimizer's update rule ({@link UpdateRule}) on a state of {@link #dimension()} values (θ, then its
 * momentum or moments, P each) given the gradient at θ, and its tangent map given the Hessian-vector product of
 * the θ part: what every gradient map shares ({@link GradientDescentMap} on a network,
 * {@link QuadraticOptimizerMap} on a quadratic). η_i is the parameter's rate: η, its layer's rate, or 0 for a
 * frozen bias. Stateless after construction.
 */
final class OptimizerStep {
    private final UpdateRule rule;
    private final double eta;
    // η_i per parameter, or null for η everywhere (the uniform update stays a loop over one η)
    private final double[] rates;
    private final int parameters;

    /** @param rates η_i per parameter (kept, not copied), or null for η everywhere */
    OptimizerStep(UpdateRule rule, double eta, double[] rates, int parameters) {
        this.rule = rule;
        this.eta = eta;
        this.rates = rates;
        this.parameters = parameters;
    }

    /** The step of {@code optimizer} on a network of this layout: η_i from its layer rates and frozen biases. */
    static OptimizerStep of(OptimizerSpec optimizer, MlpLayout layout) {
        double[] rates = optimizer.hasLayerRates() || optimizer.frozenBiases()
                ? parameterRates(layout, optimizer) : null;
        return new OptimizerStep(optimizer.update(), optimizer.learningRate(), rates, layout.parameterCount());
    }

    /**
     * η_i for every parameter: layer l's rate over [weightOffset(l), biasOffset(l) + fanOut(l)), its biases'
     * 0 when they are frozen.
     */
    private static double[] parameterRates(MlpLayout layout, OptimizerSpec optimizer) {
        int layers = layout.layerCount();
        if (optimizer.hasLayerRates() && optimizer.layerRates().length != layers) {
            throw new IllegalArgumentException("the optimizer has " + optimizer.layerRates().length + " layer rates "
                    + "for a network of " + layers + " layers (hidden layers + output layer)");
        }
        double[] layerRates = new double[layers];
        for (int l = 0; l < layers; l++) {
            layerRates[l] = optimizer.rateOfLayer(l);
        }
        double[] r = new double[layout.parameterCount()];
        for (int l = 0; l < layers; l++) {
            int end = l + 1 < layers ? layout.weightOffset(l + 1) : layout.parameterCount();
            Arrays.fill(r, layout.weightOffset(l), end, layerRates[l]);
            if (optimizer.frozenBiases()) {
                Arrays.fill(r, layout.biasOffset(l), end, 0);
            }
        }
        return r;
    }

    /**
     * The scales s_i of the preconditioned Hessian S H S = P⁻¹H (up to similarity) that the step at state x
     * (gradient g at its θ, step t) applies: s_i² = (η_i/η)/p_i, with p_i = 1 for gradient descent, heavy ball and
     * Nesterov, √v'_i + ε for RMSProp and √v̂'_i + ε for Adam, v' the second moment this step divides by. Its
     * largest eigenvalue is read against {@link UpdateRule#threshold}(η).
     */
    void preconditionerScales(long t, double[] x, double[] g, double[] s) {
        int p = parameters;
        double c2 = rule.kind() == UpdateRule.Kind.ADAM ? 1 - Math.pow(rule.beta2(), t + 1) : 1;
        int vBlock = (rule.stateBlocks() - 1) * p;
        for (int i = 0; i < p; i++) {
            double pi = 1;
            if (rule.adaptive()) {
                double v = rule.beta2() * x[vBlock + i] + (1 - rule.beta2()) * g[i] * g[i];
                pi = Math.sqrt(v / c2) + rule.epsilon();
            }
            s[i] = Math.sqrt(rate(i) / eta / pi);
        }
    }

    /** Whether the preconditioned Hessian is H itself (gradient descent or heavy ball, one rate). */
    boolean plain() {
        return rates == null && !rule.adaptive();
    }

    UpdateRule rule() {
        return rule;
    }

    /** The state's size: P times the rule's blocks. */
    int dimension() {
        return rule.stateBlocks() * parameters;
    }

    /**
     * The tangent map at state x (gradient g at its θ) of the direction dx[dxo..), whose θ part has Hessian-vector
     * product hv: the rule itself on (dx, hv) when it is linear, else its derivative.
     */
    void tangent(long t, double[] x, double[] g, double[] dx, int dxo, double[] hv, double[] out, int oo) {
        if (rule.linear()) {
            update(t, dx, dxo, hv, out, oo);
        } else {
            adaptiveTangent(t, x, g, dx, dxo, hv, out, oo);
        }
    }

    /**
     * Second moments (RMSProp's v, Adam's v) below 0, as a perturbation of a state whose moments are nearly 0 can
     * leave them, are set to 0: √v is defined on v ≥ 0 only.
     */
    void clampToDomain(double[] x) {
        if (!rule.adaptive()) {
            return;
        }
        for (int i = (rule.stateBlocks() - 1) * parameters; i < rule.stateBlocks() * parameters; i++) {
            if (x[i] < 0) {
                x[i] = 0;
            }
        }
    }

    String domainViolation(double[] x) {
        if (rule.adaptive()) {
            for (int i = (rule.stateBlocks() - 1) * parameters; i < rule.stateBlocks() * parameters; i++) {
                if (x[i] < 0) {
                    return "second moment " + (i % parameters) + " is below 0 (" + x[i] + ")";
                }
            }
        }
        return null;
    }

    /**
     * The update rule ({@link UpdateRule}) at step t: the state in[io..) and the gradient g at its θ give
     * out[oo..). Gradient descent, heavy ball and Nesterov are linear in (state, g): their tangent map is this
     * rule applied to (v, Hv).
     */
    void update(long t, double[] in, int io, double[] g, double[] out, int oo) {
        int p = parameters;
        switch (rule.kind()) {
            case GD, MOMENTUM -> {
                if (rates != null) {
                    updateLayerRates(in, io, g, out, oo);
                    return;
                }
                if (rule.kind() == UpdateRule.Kind.GD) {
                    for (int i = 0; i < p; i++) {
                        out[oo + i] = in[io + i] - eta * g[i];
                    }
                } else {
                    double mu = rule.beta1();
                    for (int i = 0; i < p; i++) {
                        double u = mu * in[io + p + i] + g[i];
                        out[oo + p + i] = u;
                        out[oo + i] = in[io + i] - eta * u;
                    }
                }
            }
            case NESTEROV -> {
                double mu = rule.beta1();
                for (int i = 0; i < p; i++) {
                    double u = mu * in[io + p + i] + g[i];
                    out[oo + p + i] = u;
                    out[oo + i] = in[io + i] - rate(i) * (g[i] + mu * u);
                }
            }
            case RMSPROP -> {
                double alpha = rule.beta2();
                double eps = rule.epsilon();
                for (int i = 0; i < p; i++) {
                    double v = alpha * in[io + p + i] + (1 - alpha) * g[i] * g[i];
                    out[oo + p + i] = v;
                    out[oo + i] = in[io + i] - rate(i) * g[i] / (Math.sqrt(v) + eps);
                }
            }
            case ADAM -> {
                double b1 = rule.beta1();
                double b2 = rule.beta2();
                double eps = rule.epsilon();
                double c1 = 1 - Math.pow(b1, t + 1);
                double c2 = 1 - Math.pow(b2, t + 1);
                for (int i = 0; i < p; i++) {
                    double m = b1 * in[io + p + i] + (1 - b1) * g[i];
                    double v = b2 * in[io + 2 * p + i] + (1 - b2) * g[i] * g[i];
                    out[oo + p + i] = m;
                    out[oo + 2 * p + i] = v;
                    out[oo + i] = in[io + i] - rate(i) * (m / c1) / (Math.sqrt(v / c2) + eps);
                }
            }
        }
    }

    /** η_i: the parameter's rate (its layer's, 0 for a frozen bias), or η. */
    double rate(int i) {
        return rates == null ? eta : rates[i];
    }

    /** {@link #update} of gradient descent and heavy ball with η_i per parameter: θ' = θ − D g, or θ' = θ − D u'. */
    private void updateLayerRates(double[] in, int io, double[] g, double[] out, int oo) {
        double[] r = rates;
        int p = parameters;
        if (rule.kind() == UpdateRule.Kind.GD) {
            for (int i = 0; i < p; i++) {
                out[oo + i] = in[io + i] - r[i] * g[i];
            }
        } else {
            double mu = rule.beta1();
            for (int i = 0; i < p; i++) {
                double u = mu * in[io + p + i] + g[i];
                out[oo + p + i] = u;
                out[oo + i] = in[io + i] - r[i] * u;
            }
        }
    }

    /**
     * The tangent map of RMSProp and Adam at state x (gradient g at its θ): dx[dxo..) and hv = H δθ give
     * out[oo..). With s = √v' (Adam: √v̂) and d = s + ε,
     * RMSProp: δv' = α δv + 2(1 − α) g Hδθ, δθ' = δθ − η (Hδθ / d − g δv' / (2 s d²));
     * Adam: δm' = β₁ δm + (1 − β₁) Hδθ, δv' = β₂ δv + 2(1 − β₂) g Hδθ,
     * δθ' = δθ − η (δm' / (c₁ d) − m̂ δv' / (2 c₂ s d²)), c_k = 1 − β_kˢ. Where v' = 0 the gradient (and m')
     * are 0 and the second term, of second order there, is 0.
     */
    private void adaptiveTangent(long t, double[] x, double[] g, double[] dx, int dxo, double[] hv, double[] out,
                                 int oo) {
        int p = parameters;
        double eps = rule.epsilon();
        if (rule.kind() == UpdateRule.Kind.RMSPROP) {
            double alpha = rule.beta2();
            for (int i = 0; i < p; i++) {
                double v = alpha * x[p + i] + (1 - alpha) * g[i] * g[i];
                double s = Math.sqrt(v);
                double d = s + eps;
                double dv = alpha * dx[dxo + p + i] + 2 * (1 - alpha) * g[i] * hv[i];
                double second = v > 0 ? g[i] * dv / (2 * s * d * d) : 0;
                out[oo + p + i] = dv;
                out[oo + i] = dx[dxo + i] - rate(i) * (hv[i] / d - second);
            }
            return;
        }
        double b1 = rule.beta1();
        double b2 = rule.beta2();
        double c1 = 1 - Math.pow(b1, t + 1);
        double c2 = 1 - Math.pow(b2, t + 1);
        for (int i = 0; i < p; i++) {
            double m = b1 * x[p + i] + (1 - b1) * g[i];
            double v = b2 * x[2 * p + i] + (1 - b2) * g[i] * g[i];
            double s = Math.sqrt(v / c2);
            double d = s + eps;
            double dm = b1 * dx[dxo + p + i] + (1 - b1) * hv[i];
            double dv = b2 * dx[dxo + 2 * p + i] + 2 * (1 - b2) * g[i] * hv[i];
            double second = v > 0 ? (m / c1) * dv / (2 * c2 * s * d * d) : 0;
            out[oo + p + i] = dm;
            out[oo + 2 * p + i] = dv;
            out[oo + i] = dx[dxo + i] - rate(i) * (dm / (c1 * d) - second);
        }
    }

}

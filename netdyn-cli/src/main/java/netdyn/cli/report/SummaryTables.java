package netdyn.cli.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A run's summary.json as a reader wants it on the page: each nested result (an object or a list of them) as
 * a small table of its quantities with a one-line meaning and unit where netdyn knows one, instead of JSON
 * text.
 */
final class SummaryTables {
    /** What a nested result is, by its summary key. */
    private static final Map<String, String> SECTIONS = Map.ofEntries(
            Map.entry("approach", "How θ(t) approaches where the run ends: exponential and power-law fits of the "
                    + "ℓ1 distance over the middle 80 % of the run."),
            Map.entry("finalHessian", "The Hessian of the training loss at θ(T)."),
            Map.entry("nmle", "The study's finite-time exponent of the smallest ε (best-R² window of ln d̄)."),
            Map.entry("nmleShort", "The short-phase exponent of the smallest ε (rise from 10 % to 90 % of ln d̄'s "
                    + "growth)."),
            Map.entry("normalizedDistance", "The replica-mean distance divided by N_w ε, smallest ε."),
            Map.entry("perEps", "Every perturbation size."),
            Map.entry("sumRule", "The sum rule: the exponents add up to the mean of ln|det(I − ηH)| along the orbit."),
            Map.entry("twinOrbit", "The maximal exponent from a twin orbit renormalised to a fixed distance."),
            Map.entry("fullSpectra", "Full Hessian spectra along the run."),
            Map.entry("maxLyapunov", "The maximal exponent of the series by delay embedding."),
            Map.entry("zeroOne", "Gottwald–Melbourne 0–1 test for chaos."),
            Map.entry("periodogram", "The strongest periods of the series."),
            Map.entry("laminarPhases", "Stretches where the series stays near a low level (intermittency)."),
            Map.entry("monotonicity", "How often the series rises."),
            Map.entry("expansionRates", "The study's local expansion rates."),
            Map.entry("evidence", "What the regime rule read (README, netdyn regime)."),
            Map.entry("reasons", "Why the rule chose the label."));

    /** The meaning (and unit) of a quantity, by its key inside a nested result. */
    private static final Map<String, String> MEANINGS = Map.ofEntries(
            Map.entry("toFinal", "distance to θ(T)"),
            Map.entry("toLateAverage", "distance to the average θ of the last 10 % of steps"),
            Map.entry("better", "the fit with the lower AIC"),
            Map.entry("exponentialRate", "r of ‖·‖ ∝ e^(−r t), per step"),
            Map.entry("powerLawExponent", "a of ‖·‖ ∝ t^(−a)"),
            Map.entry("aicExponential", "Akaike information criterion of the exponential fit (lower is better)"),
            Map.entry("aicPowerLaw", "Akaike information criterion of the power-law fit"),
            Map.entry("points", "recorded steps fitted"),
            Map.entry("norm", "the distance"),
            Map.entry("max", "largest value"),
            Map.entry("min", "smallest value"),
            Map.entry("nearZero", "eigenvalues with |λ| ≤ tolerance · max|λ|: flat directions"),
            Map.entry("negative", "eigenvalues below −tolerance · max|λ|: saddle directions"),
            Map.entry("tolerance", "relative threshold of 'near zero'"),
            Map.entry("file", "the values, as NPY"),
            Map.entry("skipped", "why the full spectrum was not computed"),
            Map.entry("top", "top eigenvalues"),
            Map.entry("method", "how they were computed"),
            Map.entry("mean", "mean over the inits whose fit passes, per step"),
            Map.entry("std", "their standard deviation"),
            Map.entry("passed", "inits whose fit passes"),
            Map.entry("total", "inits"),
            Map.entry("initial", "at the perturbation"),
            Map.entry("final", "at the last step"),
            Map.entry("eps", "perturbation size ε"),
            Map.entry("spectrumSum", "sum of the measured exponents, per step"),
            Map.entry("meanLogAbsDet", "mean ln|det(I − ηH)| along the orbit, per step"),
            Map.entry("error", "why the sum rule could not be checked"),
            Map.entry("lambdaTwin", "maximal exponent, per step"),
            Map.entry("distance", "renormalisation distance"),
            Map.entry("steps", "steps"),
            Map.entry("failure", "why the estimate failed"),
            Map.entry("step", "step"),
            Map.entry("k", "median K over the frequencies c (near 1: chaos, near 0: regular)"),
            Map.entry("exponent", "per step"));

    private SummaryTables() {
    }

    /** A scalar as the page shows it: numbers to 4 significant digits, null as a dash. */
    static String scalar(Object v) {
        if (v == null) {
            return "—";
        }
        if (v instanceof Double || v instanceof Float) {
            return AtlasReport.fmt(((Number) v).doubleValue());
        }
        return String.valueOf(v);
    }

    /** One table per nested result of the summary, in the summary's order. */
    static void nested(HtmlPage page, Map<String, Object> summary) {
        boolean headed = false;
        for (Map.Entry<String, Object> e : summary.entrySet()) {
            Object v = e.getValue();
            List<List<String>> rows = new ArrayList<>();
            List<String> headers;
            if (v instanceof Map<?, ?> m) {
                headers = List.of("quantity", "value", "meaning");
                Map<String, Object> flat = new LinkedHashMap<>();
                flatten("", m, flat);
                flat.forEach((k, x) -> rows.add(List.of(k, scalar(x), meaning(k))));
            } else if (v instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map) {
                List<Map<String, Object>> flats = new ArrayList<>();
                Set<String> columns = new LinkedHashSet<>();
                for (Object item : list) {
                    Map<String, Object> flat = new LinkedHashMap<>();
                    if (item instanceof Map<?, ?> m) {
                        flatten("", m, flat);
                    }
                    columns.addAll(flat.keySet());
                    flats.add(flat);
                }
                headers = List.copyOf(columns);
                for (Map<String, Object> flat : flats) {
                    List<String> r = new ArrayList<>();
                    for (String c : headers) {
                        r.add(scalar(flat.get(c)));
                    }
                    rows.add(r);
                }
            } else if (v instanceof List<?> list) {
                headers = List.of("values");
                rows.add(List.of(values(list)));
            } else {
                continue;
            }
            if (!headed) {
                page.heading("Results");
                headed = true;
            }
            page.html("<p><b>" + Svg.esc(e.getKey()) + "</b>"
                    + (SECTIONS.containsKey(e.getKey()) ? ": " + Svg.esc(SECTIONS.get(e.getKey())) : "") + "</p>");
            page.table(headers, rows);
        }
    }

    /** Nested keys joined with dots ({@code toFinal.exponentialRate}); lists of numbers as text. */
    private static void flatten(String prefix, Map<?, ?> m, Map<String, Object> out) {
        m.forEach((k, x) -> {
            String key = prefix.isEmpty() ? String.valueOf(k) : prefix + "." + k;
            if (x instanceof Map<?, ?> inner) {
                flatten(key, inner, out);
            } else if (x instanceof List<?> list) {
                out.put(key, values(list));
            } else {
                out.put(key, x);
            }
        });
    }

    /** Up to 12 values, then how many there are. */
    private static String values(List<?> list) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < Math.min(12, list.size()); i++) {
            b.append(i == 0 ? "" : ", ").append(scalar(list.get(i)));
        }
        if (list.size() > 12) {
            b.append(", … (").append(list.size()).append(" values)");
        }
        return b.toString();
    }

    /** The meaning of the last part of a dotted key, prefixed by the meaning of its first part when known. */
    private static String meaning(String key) {
        String[] parts = key.split("\\.");
        String last = MEANINGS.getOrDefault(parts[parts.length - 1], "");
        if (parts.length > 1 && MEANINGS.containsKey(parts[0]) && !last.isEmpty()) {
            return MEANINGS.get(parts[0]) + ": " + last;
        }
        return last;
    }
}

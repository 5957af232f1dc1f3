package netdyn.sweep;

import java.util.ArrayList;
import java.util.List;

import netdyn.BadInputException;

/**
 * What a sweep measures at every task, parsed from a list such as
 * {@code loss,accuracy,nmle,twin,spectrum:K,sharpness,series}:
 * <ul>
 * <li>{@code loss}: final and minimum loss, status, the last values (bifurcation diagram) — always on;</li>
 * <li>{@code accuracy}: final train and test accuracy, steps until the test accuracy first reaches the target;</li>
 * <li>{@code nmle}: the study's finite-time exponent from perturbed replicas;</li>
 * <li>{@code twin}: maximal exponent from a renormalised twin orbit;</li>
 * <li>{@code spectrum:K}: the top K tangent exponents by QR ({@code spectrum:all} for every one, with the
 *     Kaplan–Yorke dimension);</li>
 * <li>{@code sharpness}: top Hessian eigenvalue along the run (Lanczos) against 2/η;</li>
 * <li>{@code series}: the regime of the loss series with its evidence, and the loss-series exponent.</li>
 * </ul>
 *
 * @param spectrumK top exponents to measure; 0 for none, {@link #ALL} for every one
 */
public record Measures(boolean accuracy, boolean nmle, boolean twin, int spectrumK, boolean sharpness,
                       boolean series) implements java.io.Serializable {

    public static final int ALL = Integer.MAX_VALUE;

    /** Every measure, with the top three tangent exponents: a sweep's default and the atlas's learning-rate part. */
    public static final String DEFAULT = "loss,accuracy,nmle,twin,spectrum:3,sharpness,series";

    public static Measures parse(String text) {
        boolean accuracy = false;
        boolean nmle = false;
        boolean twin = false;
        boolean sharpness = false;
        boolean series = false;
        int k = 0;
        String s = text == null ? "" : text.trim();
        if (s.isEmpty()) {
            throw BadInputException.of(Measures.class, "measures", ": nothing to measure (valid: loss, accuracy, "
                    + "nmle, twin, spectrum:K, spectrum:all, sharpness, series)");
        }
        for (String raw : s.split(",")) {
            String m = raw.trim();
            if (m.equals("spectrum") || m.startsWith("spectrum:")) {
                String count = m.startsWith("spectrum:") ? m.substring(9).trim() : "1";
                if (count.equals("all")) {
                    k = ALL;
                } else {
                    try {
                        k = Integer.parseInt(count);
                    } catch (NumberFormatException e) {
                        k = -1;
                    }
                    if (k < 1) {
                        throw BadInputException.of(Measures.class, "measures", ": '" + m + "' needs spectrum:K "
                                + "with K >= 1, or spectrum:all");
                    }
                }
                continue;
            }
            switch (m) {
                case "loss" -> { }
                case "accuracy" -> accuracy = true;
                case "nmle" -> nmle = true;
                case "twin" -> twin = true;
                case "sharpness" -> sharpness = true;
                case "series" -> series = true;
                default -> throw BadInputException.of(Measures.class, "measures", ": unknown measure '" + m
                        + "' (valid: loss, accuracy, nmle, twin, spectrum:K, spectrum:all, sharpness, series)");
            }
        }
        return new Measures(accuracy, nmle, twin, k, sharpness, series);
    }

    /** The canonical text, in a fixed order. */
    public String text() {
        List<String> parts = new ArrayList<>(List.of("loss"));
        if (accuracy) {
            parts.add("accuracy");
        }
        if (nmle) {
            parts.add("nmle");
        }
        if (twin) {
            parts.add("twin");
        }
        if (spectrumK > 0) {
            parts.add("spectrum:" + (spectrumK == ALL ? "all" : Integer.toString(spectrumK)));
        }
        if (sharpness) {
            parts.add("sharpness");
        }
        if (series) {
            parts.add("series");
        }
        return String.join(",", parts);
    }
}

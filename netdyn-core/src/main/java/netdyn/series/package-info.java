/**
 * Diagnostics of a scalar time series (SCIENCE.md §2, "Loss time series at large η", and §4, the three
 * independent estimates of chaos): autocorrelation with a shuffle null band, periodogram, monotonicity,
 * laminar phases (intermittency), the Gottwald–Melbourne 0–1 test, Bandt–Pompe permutation entropy, the
 * maximal Lyapunov exponent from delay embedding (Rosenstein, Kantz), and the study's one-dimensional
 * local expansion rates. Every estimator takes a plain {@code double[]} (a loss series, one weight, an
 * observable of a reference system) and knows nothing about networks; each takes an immutable
 * {@code *Spec} record and returns a {@code *Result} record, with a convenience {@code of(series, spec)}
 * and a reusable instance that keeps its workspace between {@code run} calls. Random draws (shuffles,
 * 0–1 test frequencies, reference times) come from {@link netdyn.rng.Seeds} with the seed in the spec.
 *
 * <p>Series errors: an empty or too-short series ({@code spec.minimumLength()}) or a non-finite value is
 * programmer misuse ({@link java.lang.IllegalArgumentException} naming the length or index); a series on
 * which a statistic is undefined (a constant series: zero variance) gives NaN, as each result documents.
 */
package netdyn.series;

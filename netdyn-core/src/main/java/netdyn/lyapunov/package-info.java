/**
 * Lyapunov exponents of any {@link netdyn.dynamics.DiscreteMap} (SCIENCE.md §4–5): the spectrum by
 * QR re-orthonormalisation of tangent vectors (Benettin et al. 1980; Shimada &amp; Nagashima 1979),
 * the maximal exponent by renormalised twin orbits, and the Kaplan–Yorke dimension. Nothing here
 * knows about networks.
 */
package netdyn.lyapunov;

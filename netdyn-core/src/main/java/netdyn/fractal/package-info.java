/**
 * The geometry of the trainability boundary (Sohl-Dickstein 2024, arXiv:2402.06184): the boundary cells of a
 * two-class map ({@link netdyn.fractal.BoxCounting#boundary}), its box-counting dimension
 * ({@link netdyn.fractal.BoxCounting#dimension}, a {@link netdyn.fractal.BoundaryDimension}), and the two-class
 * maps whose boundary dimension is known exactly ({@link netdyn.fractal.KnownBoundaries}: a disk, the Koch
 * snowflake, gradient descent on a quadratic with one rate per coordinate). Knows nothing about networks.
 */
package netdyn.fractal;

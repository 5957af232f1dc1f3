/**
 * Dense kernels on contiguous runs of doubles, shared by the curvature, dynamics and Lyapunov code where it works on
 * small dense matrices (the full Hessian, the tangent frame, its QR, the LU of I − ηH): plain Java loops and, when
 * the JVM has {@code jdk.incubator.vector}, SIMD loops that give the same bits. Knows nothing about networks or maps.
 */
package netdyn.linalg;

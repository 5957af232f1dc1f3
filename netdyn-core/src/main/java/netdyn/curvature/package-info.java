/**
 * Curvature of the training loss (SCIENCE.md §4): the full Hessian from exact Hessian-vector
 * products and its eigen-spectrum (flat and negative directions), and the top eigenvalues by Lanczos
 * for the sharpness against the 2/η stability bound of gradient descent (Cohen et al., ICLR 2021).
 */
package netdyn.curvature;

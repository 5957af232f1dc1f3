/**
 * Multilayer perceptrons on a flat parameter vector (SCIENCE.md §6): architecture and parameter
 * layout, activations, output maps and losses, initialisation, and the evaluator that computes
 * loss, gradient (backprop) and exact Hessian-vector products (the R-operator). Knows nothing
 * about dynamics.
 */
package netdyn.nn;

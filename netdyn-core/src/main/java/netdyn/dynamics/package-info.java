/**
 * Dynamical systems (SCIENCE.md §1): the {@link netdyn.dynamics.DiscreteMap} abstraction with its
 * tangent map, gradient descent on a network as such a map, and ensembles of replicas advanced in
 * one batched step. Knows networks only through {@link netdyn.dynamics.GradientDescentMap}.
 */
package netdyn.dynamics;

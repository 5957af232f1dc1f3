/**
 * Dynamical systems (SCIENCE.md §1): the {@link netdyn.dynamics.DiscreteMap} abstraction with its
 * tangent map, gradient descent on a network as such a map, ensembles of replicas advanced in one
 * batched step, and the reference systems (logistic, tent, Hénon, Lozi, Ikeda, standard and cat
 * maps, and the Lorenz and Rössler flows as time-Δt maps of one RK4 step), by name in
 * {@link netdyn.dynamics.ReferenceSystems}. Knows networks only through
 * {@link netdyn.dynamics.GradientDescentMap}.
 */
package netdyn.dynamics;

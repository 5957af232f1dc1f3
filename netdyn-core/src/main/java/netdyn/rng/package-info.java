/**
 * Deterministic randomness: the SplitMix64 generator and the derivation of seeds from
 * (master seed, purpose, indices), so that the same command gives bit-identical numbers on any
 * number of threads (DESIGN.md, Conventions: Determinism).
 */
package netdyn.rng;

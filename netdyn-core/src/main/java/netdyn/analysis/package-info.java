/**
 * The study's experiments composed from the packages below (SCIENCE.md §2): training orbits
 * streamed to observers, and later divergence ensembles and regime classification.
 */
package netdyn.analysis;

/**
 * Datasets (SCIENCE.md §2, "data"): the bundled scikit-learn copies, CSV and IDX (MNIST format)
 * loaders, seeded synthetic tasks, shuffles, train/test splits and standardisation.
 */
package netdyn.data;

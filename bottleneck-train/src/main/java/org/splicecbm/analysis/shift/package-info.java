/**
 * Distribution shift in named concepts (Bhalla et al., NeurIPS 2024, Sec. 6 and Fig. 12): what changed
 * between a reference and a current feature set, concept by concept (prevalence and mean weight, with
 * intervals, tests and Benjamini-Hochberg control), optionally within classes, with a global permutation
 * test; and a concept's prevalence along a manifest column (year, crawl, camera).
 */
package org.splicecbm.analysis.shift;

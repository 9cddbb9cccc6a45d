/**
 * Concept histograms for spurious correlations (Bhalla et al., NeurIPS 2024, Sec. 6, Fig. 4; SpLiCE's
 * {@code experiments/concept_histogram.py}): per image the mean SpLiCE weight of a few chosen concepts,
 * histogrammed per class, with the share of images where the concepts are active and a test between classes.
 */
package org.splicecbm.analysis.histogram;

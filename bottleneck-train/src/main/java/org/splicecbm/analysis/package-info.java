/**
 * SpLiCE's analyses beyond probes (Bhalla et al., NeurIPS 2024): concept histograms for spurious
 * correlations ({@code histogram}, the paper's Fig. 4), distribution shift between two feature sets in
 * named concepts ({@code shift}, Fig. 12), and the statistics they rest on ({@code stats}). Everything
 * here reads finished feature sets; the CLI only parses arguments and calls in.
 */
package org.splicecbm.analysis;

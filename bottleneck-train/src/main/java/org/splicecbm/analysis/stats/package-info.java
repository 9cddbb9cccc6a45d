/**
 * Small, exact statistics for the analyses: Wilson intervals, the two-proportion z-test with Newcombe's
 * interval for a difference, the Mann-Whitney U test, the Cochran-Mantel-Haenszel test, and
 * Benjamini-Hochberg q-values. Each follows the textbook formula SciPy uses where SciPy has one
 * (parity is tested against SciPy).
 */
package org.splicecbm.analysis.stats;

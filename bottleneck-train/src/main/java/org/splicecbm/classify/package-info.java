/**
 * Image in, class out: a SpLiCE model ({@code org.splicecbm.splice}) chained with a trained concept-bottleneck
 * probe ({@code org.splicecbm.probe}), with per-prediction concept contributions (Bhalla et al., NeurIPS 2024,
 * Sec. 6: a linear probe on SpLiCE weights is explained by weight x coefficient). Depends on the probe only through
 * {@code TrainedProbe}'s loading and scoring methods; sits after {@code probe} in the flow, beside {@code sweep}.
 */
package org.splicecbm.classify;

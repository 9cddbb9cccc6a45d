/**
 * What a run leaves to read: PNG + SVG plots (training curves, concept bars, sparsity-accuracy, zero-shot), the
 * per-run HTML report ({@link org.splicecbm.report.ProbeReport}) and the sweep's summary
 * ({@link org.splicecbm.report.SweepReport}). Follows {@code probe}, {@code sweep} and {@code tracking};
 * {@code workflow} and {@code cli} write them.
 */
package org.splicecbm.report;

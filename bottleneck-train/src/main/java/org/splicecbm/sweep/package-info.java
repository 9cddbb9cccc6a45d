/**
 * Hyper-parameter sweeps over SpLiCE l1 and vocabulary size, with the probe's l1 as a regularisation path per
 * feature point: plans ({@link org.splicecbm.sweep.SweepSearch}: grid or seeded random, from Arbiter's generators,
 * over {@link org.splicecbm.sweep.FeaturePoint}s), paths through Arbiter's runner
 * ({@link org.splicecbm.sweep.ArbiterSweepRunner}), the resumable {@link org.splicecbm.sweep.TrialStore} with the
 * sweep's {@link org.splicecbm.sweep.SweepState}, and the selection score. Follows {@code runconfig};
 * {@code tracking}, {@code report} and {@code workflow} come next.
 */
package org.splicecbm.sweep;

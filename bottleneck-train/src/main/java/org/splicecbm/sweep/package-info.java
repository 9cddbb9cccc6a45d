/**
 * Hyper-parameter sweeps over SpLiCE l1, vocabulary size and probe l1: trial plans
 * ({@link org.splicecbm.sweep.SweepSearch}: grid or seeded random, from Arbiter's generators), trials through Arbiter's
 * runner ({@link org.splicecbm.sweep.ArbiterSweepRunner}), the resumable {@link org.splicecbm.sweep.TrialStore} and
 * the selection score. Follows {@code runconfig}; {@code tracking}, {@code report} and {@code workflow} come next.
 */
package org.splicecbm.sweep;

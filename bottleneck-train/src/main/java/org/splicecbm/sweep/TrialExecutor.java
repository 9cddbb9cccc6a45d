package org.splicecbm.sweep;

/** Runs one trial to the end (features, training, evaluation, tracking) and reports what it measured. */
@FunctionalInterface
public interface TrialExecutor {
    TrialResult run(Trial trial) throws Exception;
}

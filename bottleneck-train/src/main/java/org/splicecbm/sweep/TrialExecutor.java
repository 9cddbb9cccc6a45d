package org.splicecbm.sweep;

/** Runs one path of a sweep to the end (features, regularisation path, evaluation, tracking) and reports each point. */
@FunctionalInterface
public interface TrialExecutor {
    PathOutcome run(Trial trial) throws Exception;
}

package org.splicecbm.sweep;

import org.deeplearning4j.arbiter.optimize.api.termination.TerminationCondition;
import org.deeplearning4j.arbiter.optimize.runner.IOptimizationRunner;

/**
 * Ends the sweep at the first failed trial: failures here are usually systematic (a bad path, a
 * missing split), so running the remaining trials would only repeat the error. Finished trials stay
 * stored, and a rerun resumes after the fix.
 */
final class StopOnFailure implements TerminationCondition {
    @Override
    public void initialize(IOptimizationRunner runner) {
        // stateless
    }

    @Override
    public boolean terminate(IOptimizationRunner runner) {
        return runner.numCandidatesFailed() > 0;
    }
}

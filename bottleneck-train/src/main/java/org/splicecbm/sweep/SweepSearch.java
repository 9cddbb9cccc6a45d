package org.splicecbm.sweep;

import java.util.List;

/**
 * Chooses the points of a sweep. The whole plan is fixed before any trial runs, so a rerun of the same
 * sweep plans the same trials and can skip the finished ones.
 */
public interface SweepSearch {

    /** The trials in the order they run (deterministic for a given config and seed). */
    List<TrialParams> trials();
}

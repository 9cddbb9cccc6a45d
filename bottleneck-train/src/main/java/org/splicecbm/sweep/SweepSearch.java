package org.splicecbm.sweep;

import java.util.List;

/**
 * Chooses the feature points (vocabulary size, SpLiCE l1) of a sweep; each costs one probe regularisation path.
 * The whole plan is fixed before any path runs, so a rerun of the same sweep plans the same paths and can skip
 * the finished ones.
 */
public interface SweepSearch {

    /** The feature points in the order their paths run (deterministic for a given config and seed). */
    List<FeaturePoint> paths();
}

package org.splicecbm.probe;

import java.util.List;

/**
 * How training went: the epoch whose weights were kept (best validation loss) and every epoch's metrics.
 */
public record TrainingSummary(int bestEpoch, List<EpochMetrics> history) {
    public TrainingSummary {
        history = List.copyOf(history);
    }

    public int epochsRun() {
        return history.size();
    }
}

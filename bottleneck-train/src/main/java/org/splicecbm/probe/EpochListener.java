package org.splicecbm.probe;

/** Receives the metrics of each epoch while a probe trains (e.g. to log them to MLflow as stepped metrics). */
@FunctionalInterface
public interface EpochListener {
    EpochListener NONE = metrics -> { };

    void onEpoch(EpochMetrics metrics);
}

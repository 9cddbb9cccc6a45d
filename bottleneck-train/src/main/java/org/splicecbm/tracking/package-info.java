/**
 * Run tracking as MLflow records it: {@link org.splicecbm.tracking.RunTracker} over the MLflow file store (default),
 * an MLflow server (Java client + HTTP artifact upload) or both ({@link org.splicecbm.tracking.RunTrackers});
 * {@link org.splicecbm.tracking.RunProvenance} turns a run config into params and tags. Follows {@code sweep};
 * {@code workflow} uses it.
 */
package org.splicecbm.tracking;

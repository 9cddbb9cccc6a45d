/**
 * Training as a library call: {@link org.splicecbm.workflow.TrainingRun} (feature sets to a trained, evaluated,
 * saved, reported and tracked probe), {@link org.splicecbm.workflow.FeatureSplits} (feature sets as training data) and
 * {@link org.splicecbm.workflow.SweepTrials} (a sweep's trials). Each call returns a result object. Above {@code report};
 * {@code cli} only parses arguments and calls it.
 */
package org.splicecbm.workflow;

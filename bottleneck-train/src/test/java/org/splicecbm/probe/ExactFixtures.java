package org.splicecbm.probe;

import org.splicecbm.probe.ProbeConfig;

/** Builds solver problems and probes from test data the way the trainer does. */
final class ExactFixtures {
    private ExactFixtures() {}

    static SoftmaxLasso problem(TrainingData train, double l1, double l2, boolean balanced) {
        ProbeConfig config = ProbeConfig.builder().l1(l1).l2(l2)
                .classWeights(balanced ? ProbeConfig.ClassWeights.BALANCED : ProbeConfig.ClassWeights.NONE).build();
        return ExactTraining.problem(train, config, new int[0]);
    }

    static TrainedProbe probe(TrainingData train, ExactFit fit) {
        return new TrainedProbe(train.space(), fit.toLinearWeights(), ProbeConfig.defaults(), new int[0],
                new TrainingSummary(0, java.util.List.of()));
    }
}

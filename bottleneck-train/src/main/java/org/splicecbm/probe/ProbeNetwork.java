package org.splicecbm.probe;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;

/**
 * The probe as a DL4J network: one {@link OutputLayer} (softmax, multi-class cross-entropy with
 * optional class weights) from the concept features to the classes. DL4J's L1 is deliberately not
 * configured: the L1 penalty is applied as a proximal step by the trainer (see
 * {@link ProximalUpdater}); L2 uses DL4J's {@code l2} (gradient {@code l2 * w}, weights only).
 */
public final class ProbeNetwork {
    static final String WEIGHTS = "0_W";
    static final String BIAS = "0_b";

    private ProbeNetwork() {}

    /** An initialised network with zero weights, configured like {@code config}. */
    static MultiLayerNetwork create(int concepts, int classes, float[] classWeights, ProbeConfig config) {
        IUpdater updater = config.updater() == ProbeConfig.Updater.ADAM
                ? new Adam(config.learningRate(), ProximalUpdater.BETA1, ProximalUpdater.BETA2, ProximalUpdater.EPSILON)
                : new Sgd(config.learningRate());
        INDArray lossWeights = Nd4j.createFromArray(classWeights).castTo(DataType.FLOAT);
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(config.seed())
                .dataType(DataType.FLOAT)
                .updater(updater)
                .weightInit(WeightInit.ZERO)
                .l2(config.l2())
                .list()
                .layer(new OutputLayer.Builder(new LossMCXENT(lossWeights))
                        .nIn(concepts).nOut(classes).activation(Activation.SOFTMAX).hasBias(config.bias()).build())
                .build();
        MultiLayerNetwork network = new MultiLayerNetwork(conf);
        network.init();
        return network;
    }

    /** A network holding the trained probe's parameters, for inference or DL4J's {@code ModelSerializer}. */
    public static MultiLayerNetwork of(TrainedProbe probe) {
        LinearWeights w = probe.weights();
        float[] unitWeights = new float[w.classes()];
        java.util.Arrays.fill(unitWeights, 1f);
        MultiLayerNetwork network = create(w.concepts(), w.classes(), unitWeights, probe.config());
        copyInto(network, w);
        return network;
    }

    static void copyInto(MultiLayerNetwork network, LinearWeights w) {
        network.setParam(WEIGHTS, Nd4j.create(w.weights, new long[] {w.concepts(), w.classes()}, 'c'));
        if (network.paramTable().containsKey(BIAS)) {
            network.setParam(BIAS, Nd4j.create(w.bias, new long[] {1, w.classes()}, 'c'));
        }
    }

    static LinearWeights readWeights(MultiLayerNetwork network, int concepts, int classes) {
        float[] weights = network.getParam(WEIGHTS).dup('c').reshape(-1).toFloatVector();
        float[] bias = network.paramTable().containsKey(BIAS)
                ? network.getParam(BIAS).dup('c').reshape(-1).toFloatVector() : new float[classes];
        return new LinearWeights(concepts, classes, weights, bias);
    }
}

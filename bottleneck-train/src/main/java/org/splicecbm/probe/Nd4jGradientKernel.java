package org.splicecbm.probe;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.shape.Gather;
import org.nd4j.linalg.api.ops.impl.transforms.custom.LogSoftMax;
import org.nd4j.linalg.api.ops.impl.transforms.segment.UnsortedSegmentSum;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.splicecbm.store.CsrMatrix;

/**
 * {@link GradientKernel} on ND4J in O(nonzeros x classes): the forward pass gathers the weight row of every
 * nonzero's concept, scales it by the feature value and sums the rows of each example
 * ({@code unsorted_segment_sum} by row); the gradient of that gather is its scatter-add, here the same segment
 * sum keyed by concept over the residual rows gathered per nonzero. No dense {@code rows x concepts} matrix
 * exists. Runs on whichever ND4J backend is on the classpath (CPU by default, CUDA under the {@code cuda}
 * profile); double precision, because the optimality certificate compares gradients to 1e-7.
 */
final class Nd4jGradientKernel implements GradientKernel {
    private final int rows;
    private final int concepts;
    private final int classes;
    private final INDArray values;
    private final INDArray columnOfNonzero;
    private final INDArray rowOfNonzero;
    private final INDArray weightedTargets;
    private final INDArray rowWeight;

    Nd4jGradientKernel(SoftmaxLasso problem) {
        CsrMatrix x = problem.rows;
        this.rows = x.rows();
        this.concepts = x.cols();
        this.classes = problem.classes;
        int nnz = x.indices().length;
        int[] rowIds = new int[nnz];
        double[] data = new double[nnz];
        for (int r = 0; r < rows; r++) {
            for (int q = (int) x.indptr()[r], end = (int) x.indptr()[r + 1]; q < end; q++) {
                rowIds[q] = r;
                data[q] = x.data()[q];
            }
        }
        this.values = Nd4j.createFromArray(data).reshape(nnz, 1);
        this.columnOfNonzero = Nd4j.createFromArray(x.indices().clone());
        this.rowOfNonzero = Nd4j.createFromArray(rowIds);
        this.rowWeight = Nd4j.createFromArray(problem.rowWeight.clone()).reshape(rows, 1);
        this.weightedTargets = Nd4j.zeros(DataType.DOUBLE, rows, classes);
        for (int r = 0; r < rows; r++) {
            weightedTargets.putScalar(r, problem.labels[r], problem.rowWeight[r]);
        }
    }

    @Override
    public double lossAndGradient(double[] weights, double[] bias, double[] gradient, double[] biasGradient) {
        INDArray w = Nd4j.create(weights, new long[] {concepts, classes}, DataType.DOUBLE);
        INDArray perNonzero = Nd4j.exec(new Gather(w, columnOfNonzero, 0))[0].muliColumnVector(values);
        INDArray logits = Nd4j.exec(new UnsortedSegmentSum(perNonzero, rowOfNonzero, rows))[0]
                .addiRowVector(Nd4j.createFromArray(bias));
        INDArray logProbabilities = Nd4j.exec(new LogSoftMax(logits, 1))[0];
        double loss = -logProbabilities.mul(weightedTargets).sumNumber().doubleValue();
        INDArray residual = Transforms.exp(logProbabilities, false).muliColumnVector(rowWeight).subi(weightedTargets);
        INDArray residualPerNonzero = Nd4j.exec(new Gather(residual, rowOfNonzero, 0))[0].muliColumnVector(values);
        INDArray weightGradient = Nd4j.exec(new UnsortedSegmentSum(residualPerNonzero, columnOfNonzero, concepts))[0];
        copy(weightGradient, gradient);
        copy(residual.sum(0), biasGradient);
        return loss;
    }

    private static void copy(INDArray from, double[] to) {
        double[] values = from.dup('c').data().asDouble();
        System.arraycopy(values, 0, to, 0, to.length);
    }
}

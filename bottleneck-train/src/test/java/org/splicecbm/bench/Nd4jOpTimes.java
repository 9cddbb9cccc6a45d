package org.splicecbm.bench;

import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.shape.Gather;
import org.nd4j.linalg.api.ops.impl.transforms.custom.LogSoftMax;
import org.nd4j.linalg.api.ops.impl.transforms.custom.segment.SegmentSum;
import org.nd4j.linalg.api.ops.impl.transforms.segment.UnsortedSegmentSum;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Times each ND4J op of the probe's sparse gradient at benchmark size (460,000 nonzeros, 50,000 rows,
 * 10,000 concepts, 10 classes), to find which one dominates: gather of weight rows, the segment sums
 * (sorted and unsorted), log-softmax. Prints milliseconds per call (median of 5).
 */
public final class Nd4jOpTimes {
    public static void main(String[] args) {
        int rows = 50_000;
        int concepts = 10_000;
        int classes = 10;
        int nnz = 460_000;
        Random random = new Random(1);
        int[] cols = new int[nnz];
        int[] rowIds = new int[nnz];
        for (int q = 0; q < nnz; q++) {
            cols[q] = random.nextInt(concepts);
            rowIds[q] = (int) ((long) q * rows / nnz);
        }
        for (DataType type : new DataType[] {DataType.DOUBLE, DataType.FLOAT}) {
            INDArray w = Nd4j.rand(type, concepts, classes);
            INDArray colIdx = Nd4j.createFromArray(cols);
            INDArray rowIdx = Nd4j.createFromArray(rowIds);
            INDArray perNonzero = Nd4j.rand(type, nnz, classes);
            INDArray logits = Nd4j.rand(type, rows, classes);
            time(type + " gather weight rows [nnz x K]", () -> Nd4j.exec(new Gather(w, colIdx, 0)));
            time(type + " unsorted_segment_sum by row -> [n x K]", () -> Nd4j.exec(new UnsortedSegmentSum(perNonzero, rowIdx, rows)));
            time(type + " segment_sum by row (sorted ids) -> [n x K]", () -> Nd4j.exec(new SegmentSum(perNonzero, rowIdx)));
            time(type + " unsorted_segment_sum by concept -> [d x K]", () -> Nd4j.exec(new UnsortedSegmentSum(perNonzero, colIdx, concepts)));
            time(type + " log_softmax [n x K]", () -> Nd4j.exec(new LogSoftMax(logits, 1)));
            time(type + " muliColumnVector [nnz x K]", () -> perNonzero.mulColumnVector(Nd4j.rand(type, nnz, 1)));
        }
    }

    private static void time(String label, Runnable op) {
        op.run();
        long[] ns = new long[5];
        for (int i = 0; i < ns.length; i++) {
            long start = System.nanoTime();
            op.run();
            ns[i] = System.nanoTime() - start;
        }
        java.util.Arrays.sort(ns);
        System.out.printf("%-55s %9.2f ms%n", label, ns[2] / 1e6);
    }
}

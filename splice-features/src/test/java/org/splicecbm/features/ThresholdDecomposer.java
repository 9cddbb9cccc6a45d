package org.splicecbm.features;

import java.util.ArrayList;
import java.util.List;
import org.splicecbm.decompose.Decomposition;
import org.splicecbm.store.CsrMatrix;

/** Test double for pipeline mechanics: weight j = max(0, z_j - l1), so L0 changes with l1. */
class ThresholdDecomposer implements BatchDecomposer {
    private final double l1;
    private final int dim;

    ThresholdDecomposer(double l1, int dim) {
        this.l1 = l1;
        this.dim = dim;
    }

    ThresholdDecomposer(double l1) {
        this(l1, FakeBackbone.DIM);
    }

    @Override
    public Decomposition decompose(float[][] raw) {
        List<Float> data = new ArrayList<>();
        List<Integer> cols = new ArrayList<>();
        long[] indptr = new long[raw.length + 1];
        int[] l0 = new int[raw.length];
        float[] cosine = new float[raw.length];
        for (int i = 0; i < raw.length; i++) {
            double dot = 0, nz = 0, nw = 0;
            for (int j = 0; j < raw[i].length; j++) {
                float w = (float) Math.max(0, raw[i][j] - l1);
                if (w > 0) {
                    data.add(w);
                    cols.add(j);
                    l0[i]++;
                }
                dot += w * raw[i][j];
                nz += raw[i][j] * raw[i][j];
                nw += w * w;
            }
            cosine[i] = nw == 0 ? 0f : (float) (dot / Math.sqrt(nz * nw));
            indptr[i + 1] = data.size();
        }
        float[] d = new float[data.size()];
        int[] c = new int[cols.size()];
        for (int k = 0; k < d.length; k++) {
            d[k] = data.get(k);
            c[k] = cols.get(k);
        }
        return new Decomposition(new CsrMatrix(raw.length, dim, d, c, indptr), l0, cosine);
    }

    @Override
    public double l1Penalty() {
        return l1;
    }

    @Override
    public String solver() {
        return "threshold-test-double";
    }

    @Override
    public double tolerance() {
        return 0;
    }
}

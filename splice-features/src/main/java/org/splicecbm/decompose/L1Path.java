package org.splicecbm.decompose;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** Validation and solving order of a list of l1 penalties (largest first: sparser solutions warm-start denser ones). */
final class L1Path {
    private L1Path() {}

    /** Indices of {@code l1Values} from the largest value down (ties in the given order). */
    static Integer[] descendingOrder(List<Double> l1Values) {
        if (l1Values == null || l1Values.isEmpty()) {
            throw new IllegalArgumentException("at least one l1 penalty is needed, found none");
        }
        for (Double l1 : l1Values) {
            if (l1 == null || !(l1 >= 0) || Double.isInfinite(l1)) {
                throw new IllegalArgumentException("l1 penalty must be finite and >= 0, found " + l1);
            }
        }
        Integer[] order = new Integer[l1Values.size()];
        for (int v = 0; v < order.length; v++) {
            order[v] = v;
        }
        Arrays.sort(order, Comparator.comparing((Integer v) -> l1Values.get(v)).reversed());
        return order;
    }
}

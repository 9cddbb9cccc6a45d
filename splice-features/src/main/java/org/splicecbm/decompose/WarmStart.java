package org.splicecbm.decompose;

/** A row's support and weights at one l1, the starting point for its neighbour on an l1 path. */
record WarmStart(int[] concepts, double[] weights) {
    static WarmStart of(WorkingSetProblem problem) {
        int count = 0;
        for (int i = 0; i < problem.size(); i++) {
            if (problem.weight(i) > 0) {
                count++;
            }
        }
        int[] concepts = new int[count];
        double[] weights = new double[count];
        for (int i = 0, k = 0; i < problem.size(); i++) {
            if (problem.weight(i) > 0) {
                concepts[k] = problem.member(i);
                weights[k++] = problem.weight(i);
            }
        }
        return new WarmStart(concepts, weights);
    }

    int size() {
        return concepts.length;
    }
}

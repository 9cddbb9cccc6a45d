package org.splicecbm.decompose;

/**
 * The dictionary as the per-row work sees it: float32 rows, their exact squared norms (Gram
 * diagonal), the largest row norm, and the bound on the float32 engine's error in {@code c_j . r} per unit of {@code ||r||}.
 */
record ConceptRows(float[][] rows, double[] squaredNorms, double maxNorm, double floatErrorPerResidualNorm) {
    private static final double FLOAT_UNIT_ROUNDOFF = 0x1p-24;

    /** Copies the rows and derives the norms and the error bound. */
    static ConceptRows of(float[][] dictionary) {
        float[][] rows = new float[dictionary.length][];
        double[] squaredNorms = new double[dictionary.length];
        double maxNorm = 0;
        for (int j = 0; j < dictionary.length; j++) {
            rows[j] = dictionary[j].clone();
            squaredNorms[j] = SolverKernels.BEST.dot(rows[j], rows[j]);
            maxNorm = Math.max(maxNorm, Math.sqrt(squaredNorms[j]));
        }
        int dim = rows[0].length;
        // Any summation order gives |fl32(c.r) - c.r| <= (d + 1) u ||c|| ||r||; r is rounded to float32
        // first (one more u); the bound is doubled for safety.
        double error = 2 * (dim + 2) * FLOAT_UNIT_ROUNDOFF * maxNorm;
        return new ConceptRows(rows, squaredNorms, maxNorm, error);
    }

    int count() {
        return rows.length;
    }

    int dimension() {
        return rows[0].length;
    }
}

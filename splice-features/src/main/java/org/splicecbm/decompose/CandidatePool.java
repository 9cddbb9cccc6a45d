package org.splicecbm.decompose;

/**
 * How many KKT-violator candidates a round of {@link RowSolve} checks exactly (the pool, most
 * correlated first) and how many of the worst it adds to the working set per check. A larger pool
 * uses a round's correlations more fully at the price of more exact dot products; which pays depends
 * on what a round costs.
 *
 * @param size          candidates per round
 * @param addedPerCheck violators added to the working set per exact check
 */
record CandidatePool(int size, int addedPerCheck) {
    /**
     * A round costs a dictionary product of the residual: use it fully (measured at c = 10,000,
     * d = 512, l1 = 0.25: 3.4 products per image).
     */
    static final CandidatePool FOR_PRODUCTS = new CandidatePool(96, 8);

    /**
     * A round costs only a Gram refresh ({@code c |S|}): exact checks dominate, so check fewer
     * (measured, same problem, CPU time on 2 cores: pool 96/8 1,960–2,110 images/s, 32/8 2,290–2,420,
     * 48/4 2,340–2,630, 24/4 2,380–2,480; exact dots per image 814 -> 621). Since the working set is
     * solved by active-set steps, entering 8 per check pays at small l1 (fewer checks, each a residual
     * and a solve): l1 = 0.05 4.8 -> 4.3 s CPU per 2,048 images, l1 = 0.25 unchanged within noise
     * (48/8 6,400–6,660 images/s, 32/8 6,425–6,715; 48/16 and 64/16 slower).
     */
    static final CandidatePool FOR_GRAM = new CandidatePool(32, 8);
}

package org.splicecbm.decompose;

/** Running cost counters of one solve: rows multiplied with the dictionary, and where the time went. */
final class ChunkCost {
    long productRows;
    long productNanos;
    long rowNanos;

    void add(long rows, long product, long perRow) {
        productRows += rows;
        productNanos += product;
        rowNanos += perRow;
    }
}

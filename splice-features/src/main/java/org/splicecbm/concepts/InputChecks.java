package org.splicecbm.concepts;

/** Validation of the dense matrices given to the solver, with messages that name the bad row. */
public final class InputChecks {
    private InputChecks() {}

    /**
     * Requires a non-null matrix of finite values whose rows all have the same width, {@code width}
     * if it is not negative; a dictionary must also have at least one row and column.
     */
    public static void requireMatrix(String name, float[][] matrix, int width) {
        if (matrix == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        if (width < 0 && (matrix.length == 0 || matrix[0] == null || matrix[0].length == 0)) {
            throw new IllegalArgumentException(name + " must have at least one row and one column, found "
                    + matrix.length + " rows");
        }
        int expected = width < 0 ? matrix[0].length : width;
        for (int i = 0; i < matrix.length; i++) {
            float[] row = matrix[i];
            if (row == null || row.length != expected) {
                throw new IllegalArgumentException(name + " row " + i + " must have " + expected
                        + " values, found " + (row == null ? "null" : row.length));
            }
            for (int k = 0; k < row.length; k++) {
                if (!Float.isFinite(row[k])) {
                    throw new IllegalArgumentException(name + " row " + i + " holds " + row[k]
                            + " at column " + k + "; every value must be finite (check the embedding that produced it)");
                }
            }
        }
    }
}

package org.splicecbm.decompose;

import java.util.Arrays;

/**
 * The {@code limit} best (concept, value) pairs offered, at least {@code floor}, ordered by value
 * (largest first) and then by concept id (smallest first), whatever order they are offered in.
 */
final class TopList {
    private final int limit;
    private final float floor;
    private final int[] ids;
    private final float[] values;
    private int count;

    TopList(int limit, float floor) {
        this.limit = limit;
        this.floor = floor;
        this.ids = new int[limit];
        this.values = new float[limit];
    }

    /** Whether a value this large could still enter (ties may, by a lower id). */
    boolean mayEnter(float value) {
        return value >= floor && (count < limit || value >= values[limit - 1]);
    }

    /** The smallest value that may still enter: the floor, or the last entry's value once full. */
    float entryLevel() {
        return count < limit ? floor : Math.max(floor, values[limit - 1]);
    }

    void offer(int id, float value) {
        if (count == limit && !before(id, value, ids[limit - 1], values[limit - 1])) {
            return;
        }
        int pos = count == limit ? limit - 1 : count++;
        while (pos > 0 && before(id, value, ids[pos - 1], values[pos - 1])) {
            ids[pos] = ids[pos - 1];
            values[pos] = values[pos - 1];
            pos--;
        }
        ids[pos] = id;
        values[pos] = value;
    }

    int[] ids() {
        return Arrays.copyOf(ids, count);
    }

    private static boolean before(int id, float value, int otherId, float otherValue) {
        return value > otherValue || (value == otherValue && id < otherId);
    }
}

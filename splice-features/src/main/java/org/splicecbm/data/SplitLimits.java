package org.splicecbm.data;

import java.util.Optional;
import org.splicecbm.validation.InvalidArgumentException;

/**
 * Per-split caps, e.g. {@code limit: {train: 5000, val: 500, test: 1000}}: a split larger than its
 * cap is reduced to a class-stratified subset of exactly that size, chosen by a seeded hash order
 * and kept in the dataset's order (see {@code org.splicecbm.data.SeededSelection}). Absent = no cap.
 *
 * @param train cap on the training split, or null
 * @param val   cap on the validation split, or null
 * @param test  cap on the test split, or null
 * @param seed  selects which samples are kept (default 0)
 */
public record SplitLimits(Integer train, Integer val, Integer test, Long seed) {
    /** No caps. */
    public static final SplitLimits NONE = new SplitLimits(null, null, null, 0L);

    public SplitLimits {
        positive("dataset.limit.train", train);
        positive("dataset.limit.val", val);
        positive("dataset.limit.test", test);
        seed = seed == null ? 0L : seed;
    }

    /** The cap of {@code split}, if any. */
    public Optional<Integer> of(Split split) {
        return Optional.ofNullable(switch (split) {
            case TRAIN -> train;
            case VAL -> val;
            case TEST -> test;
        });
    }

    private static void positive(String key, Integer cap) {
        InvalidArgumentException.require(cap == null || cap > 0, key, "be a positive number of samples", cap);
    }
}

package org.splicecbm.data;

import org.splicecbm.validation.InvalidArgumentException;


/**
 * A split carved out of another one, e.g. {@code val: {from: train, fraction: 0.1, seed: 0}}: a
 * class-stratified {@code fraction} of the training samples, chosen by a seeded hash order (see
 * {@code org.splicecbm.data.SeededSelection}), moves to the new split. {@link DatasetConfig} checks
 * the values under their full key.
 *
 * @param from     the split it is taken from; only {@code train} (the default)
 * @param fraction share of {@code from} that moves, in (0, 1)
 * @param seed     selects which samples move; the same seed always gives the same split
 */
public record DerivedSplit(String from, Double fraction, Long seed) {
    public DerivedSplit {
        from = from == null ? "train" : from.trim().toLowerCase(java.util.Locale.ROOT);
        InvalidArgumentException.require(fraction != null, "fraction", "be given, a share in (0, 1)", null);
        seed = seed == null ? 0L : seed;
    }
}

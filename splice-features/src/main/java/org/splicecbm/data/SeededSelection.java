package org.splicecbm.data;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import org.splicecbm.store.Sha256;

/**
 * Seeded, class-stratified choice of a subset of samples, used for derived splits and limits.
 *
 * <p>How it chooses (stable across JVMs, machines and runs): each class {@code c} with {@code n_c}
 * of the {@code N} samples gets {@code floor(count * n_c / N)} places, and the places left over go
 * to the classes with the largest remainders (ties: lower label first). Within a class, samples are
 * ranked by the first 8 bytes of SHA-256(seed as 8 big-endian bytes ‖ sample id in UTF-8), ties by
 * id, and the first ones are chosen. A sample's rank therefore depends only on its id and the seed,
 * not on the order of enumeration. Callers keep the chosen samples in the dataset's order.
 */
final class SeededSelection {
    private SeededSelection() {}

    /** Indices (into {@code samples}) of exactly {@code count} samples, stratified by label. */
    static BitSet choose(List<Sample> samples, int count, long seed) {
        if (count < 0 || count > samples.size()) {
            throw new IllegalArgumentException("cannot choose " + count + " of " + samples.size() + " samples");
        }
        List<List<Integer>> byClass = groupByLabel(samples);
        int[] quota = quotas(byClass, samples.size(), count);
        long[] ranks = new long[samples.size()];
        MessageDigest sha = Sha256.digest();
        for (int i = 0; i < ranks.length; i++) {
            ranks[i] = rank(sha, seed, samples.get(i).id());
        }
        BitSet chosen = new BitSet(samples.size());
        for (int c = 0; c < byClass.size(); c++) {
            List<Integer> members = new ArrayList<>(byClass.get(c));
            members.sort(Comparator.<Integer>comparingLong(i -> ranks[i]).thenComparing(i -> samples.get(i).id()));
            members.subList(0, quota[c]).forEach(chosen::set);
        }
        return chosen;
    }

    /** The hash rank of a sample id under a seed (exposed for tests of stability). */
    static long rank(long seed, String id) {
        return rank(Sha256.digest(), seed, id);
    }

    private static long rank(MessageDigest sha, long seed, String id) {
        sha.reset();
        sha.update(ByteBuffer.allocate(Long.BYTES).putLong(seed).array());
        sha.update(id.getBytes(StandardCharsets.UTF_8));
        return ByteBuffer.wrap(sha.digest()).getLong();
    }

    private static List<List<Integer>> groupByLabel(List<Sample> samples) {
        List<List<Integer>> byClass = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            int label = samples.get(i).label();
            while (byClass.size() <= label) {
                byClass.add(new ArrayList<>());
            }
            byClass.get(label).add(i);
        }
        return byClass;
    }

    /** Largest-remainder apportionment of {@code count} places proportional to class sizes. */
    private static int[] quotas(List<List<Integer>> byClass, int total, int count) {
        int k = byClass.size();
        int[] quota = new int[k];
        long[] remainder = new long[k];
        int assigned = 0;
        for (int c = 0; c < k; c++) {
            long scaled = (long) count * byClass.get(c).size();
            quota[c] = (int) (scaled / total);
            remainder[c] = scaled % total;
            assigned += quota[c];
        }
        List<Integer> order = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            order.add(c);
        }
        order.sort(Comparator.<Integer>comparingLong(c -> -remainder[c]).thenComparingInt(c -> c));
        for (int i = 0; assigned < count; i++, assigned++) {
            quota[order.get(i)]++;
        }
        return quota;
    }

}

package org.splicecbm.runconfig;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.splicecbm.config.ConfigException;

/**
 * The {@code sweep:} section: the paper's linear-probe study (Bhalla et al., NeurIPS 2024, Sec. 5 and
 * Fig. 4), which varies SpLiCE's l1 penalty, the vocabulary size and the probe's regularisation and
 * compares probe accuracy against the sparsity of the concept features. Each (vocabulary size, SpLiCE l1)
 * costs one feature set and one warm-started regularisation path of the probe over {@code probe_l1} (or over
 * {@code probe.path} when the list is left out). A missing size or SpLiCE l1 list means "the run config's
 * value" (one value). Selection uses validation metrics only; test accuracy is reported but never chosen on.
 *
 * @param spliceL1       values of {@code splice.l1_penalty}, each {@code > 0}
 * @param vocabularySize values of {@code concepts.size}, each {@code > 0}
 * @param probeL1        probe penalties of each path, each {@code > 0}; null: {@code probe.path} (log-spaced from the
 *                       penalty that zeroes every weight)
 * @param search         {@code grid} (every combination, default) or {@code random}
 * @param trials         how many distinct (vocabulary size, SpLiCE l1) pairs a random search draws (random only)
 * @param seed           seed of the random search (default 0)
 * @param metric         the validation metric that picks the best trial (default {@code val_accuracy})
 */
public record SweepConfig(List<Double> spliceL1, List<Integer> vocabularySize, List<Double> probeL1, Search search,
                          Integer trials, Long seed, Metric metric) {

    /** How trial combinations are chosen. */
    public enum Search { GRID, RANDOM;
        @JsonCreator public static Search parse(String s) { return parseEnum(Search.class, "sweep.search", s); }
        @JsonValue public String yaml() { return name().toLowerCase(Locale.ROOT); } }

    /** The validation metric that selects the best trial. */
    public enum Metric { VAL_ACCURACY, VAL_BALANCED_ACCURACY, VAL_MACRO_F1;
        @JsonCreator public static Metric parse(String s) {
            ConfigException.require(s == null || !s.strip().toLowerCase(Locale.ROOT).startsWith("test"), "sweep.metric",
                    "be a validation metric (test accuracy is reported, never used for selection)", s);
            return parseEnum(Metric.class, "sweep.metric", s); }
        @JsonValue public String yaml() { return name().toLowerCase(Locale.ROOT); } }

    public SweepConfig {
        spliceL1 = checked(spliceL1, "sweep.splice_l1", v -> v != null && Double.isFinite(v) && v > 0, "finite numbers > 0");
        vocabularySize = checked(vocabularySize, "sweep.vocabulary_size", v -> v != null && v > 0, "integers > 0");
        probeL1 = checked(probeL1, "sweep.probe_l1", v -> v != null && Double.isFinite(v) && v > 0,
                "finite numbers > 0 (the penalties of each probe regularisation path; leave the list out to use probe.path)");
        search = search == null ? Search.GRID : search;
        seed = seed == null ? 0L : seed;
        metric = metric == null ? Metric.VAL_ACCURACY : metric;
        if (search == Search.RANDOM) {
            ConfigException.require(trials != null && trials > 0, "sweep.trials",
                    "be given and > 0 for search: random (how many (vocabulary_size, splice_l1) pairs to draw)", trials);
        } else {
            ConfigException.require(trials == null, "sweep.trials",
                    "be left out for search: grid (a grid runs every combination; use search: random to sample)", trials);
        }
    }

    /** A grid over the run config's own values: one trial. */
    public static SweepConfig defaults() {
        return new SweepConfig(null, null, null, null, null, null, null);
    }

    /** The l1 penalties to try: the list, or the run config's one value. */
    public List<Double> spliceL1Or(double runValue) {
        return spliceL1 == null ? List.of(runValue) : spliceL1;
    }

    /** The vocabulary sizes to try: the list, or the run config's one value. */
    public List<Integer> vocabularySizeOr(int runValue) {
        return vocabularySize == null ? List.of(runValue) : vocabularySize;
    }

    /** A present list must be non-empty, hold valid values and no value twice (a repeated value would be a repeated trial). */
    private static <T> List<T> checked(List<T> values, String key, Predicate<T> valid, String what) {
        if (values == null) {
            return null;
        }
        ConfigException.require(!values.isEmpty(), key, "list at least one value (or be left out to use the run config's value)", "[]");
        for (T v : values) {
            ConfigException.require(valid.test(v), key, "list " + what, values);
        }
        ConfigException.require(new HashSet<>(values).size() == values.size(), key, "list each value once", values);
        return List.copyOf(values);
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String key, String text) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(text == null ? "" : text.strip())) {
                return e;
            }
        }
        List<String> allowed = java.util.Arrays.stream(type.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT)).toList();
        throw ConfigException.invalid(key, "be one of " + String.join(", ", allowed), text);
    }
}

package org.splicecbm.probe;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.splicecbm.validation.InvalidArgumentException;

/**
 * The {@code probe.path:} section: the regularisation path of the probe (penalties from the smallest one that
 * zeroes every weight down to a floor, solved with warm starts) and the sparsity levels at which accuracy is
 * reported. NEC is the number of effective concepts, the average nonzero weights per class (Srivastava et al.,
 * "VLG-CBM", NeurIPS 2024).
 *
 * @param penalties explicit per-example L1 penalties (each {@code > 0}); empty means log-spaced from the zeroing penalty
 * @param count how many log-spaced penalties (>= 2), the first being the zeroing penalty
 * @param minRatio the floor as a fraction of the zeroing penalty, in (0, 1)
 * @param necTargets NEC levels (each >= 1) at which the path reports accuracy
 */
public record PathConfig(List<Double> penalties, int count, double minRatio, List<Integer> necTargets) {

    public PathConfig {
        penalties = penalties == null ? List.of() : List.copyOf(penalties);
        for (Double p : penalties) {
            InvalidArgumentException.require(p != null && Double.isFinite(p) && p > 0, "probe.path.penalties",
                    "list finite penalties > 0 (a path of L1 penalties; 0 would be the unpenalised fit)", penalties);
        }
        InvalidArgumentException.require(count >= 2, "probe.path.count", "be >= 2 (the zeroing penalty and at least one below it)", count);
        InvalidArgumentException.require(Double.isFinite(minRatio) && minRatio > 0 && minRatio < 1, "probe.path.min_ratio",
                "be in (0, 1): the smallest penalty as a fraction of the one that zeroes every weight", minRatio);
        necTargets = necTargets == null ? List.of() : List.copyOf(necTargets);
        for (Integer t : necTargets) {
            InvalidArgumentException.require(t != null && t >= 1, "probe.path.nec_targets", "list integers >= 1", necTargets);
        }
    }

    @JsonCreator
    public static PathConfig fromYaml(@JsonProperty("penalties") List<Double> penalties, @JsonProperty("count") Integer count,
                                      @JsonProperty("min_ratio") Double minRatio,
                                      @JsonProperty("nec_targets") List<Integer> necTargets) {
        PathConfig d = defaults();
        return new PathConfig(penalties, count == null ? d.count : count, minRatio == null ? d.minRatio : minRatio,
                necTargets == null ? d.necTargets : necTargets);
    }

    /** 20 log-spaced penalties down to 1e-3 of the zeroing penalty; accuracy at NEC 5, 10, 20 and 30. */
    public static PathConfig defaults() {
        return new PathConfig(List.of(), 20, 1e-3, List.of(5, 10, 20, 30));
    }

    @JsonProperty("min_ratio") @Override public double minRatio() { return minRatio; }
    @JsonProperty("nec_targets") @Override public List<Integer> necTargets() { return necTargets; }
}

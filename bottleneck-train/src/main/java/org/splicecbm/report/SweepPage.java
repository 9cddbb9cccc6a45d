package org.splicecbm.report;

import java.util.List;

/**
 * Everything on a sweep's HTML page: every measured point, the chosen configuration (best validation
 * accuracy) with its per-class top concepts and test confusion matrix, and how the sweep was run.
 *
 * @param chosen index into {@code points} of the chosen configuration
 * @param topConcepts per class, the chosen probe's largest positive weights as "concept (weight)" texts
 * @param confusion the chosen probe's test confusion matrix (rows = true class)
 * @param commands the command lines that produced the sweep
 * @param resolvedConfig the resolved config as YAML
 */
public record SweepPage(String title, List<SweepPoint> points, int chosen, List<String> classNames,
                        List<List<String>> topConcepts, long[][] confusion, List<String> commands, String resolvedConfig) {

    public SweepPage {
        if (points.isEmpty()) {
            throw new IllegalArgumentException("a sweep page needs at least one point; the sweep produced no results");
        }
        if (chosen < 0 || chosen >= points.size()) {
            throw new IllegalArgumentException("chosen point " + chosen + " is outside the " + points.size() + " points");
        }
        points = List.copyOf(points);
        classNames = List.copyOf(classNames);
        topConcepts = List.copyOf(topConcepts);
        commands = List.copyOf(commands);
    }
}

package org.splicecbm.sweep;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.deeplearning4j.arbiter.optimize.api.data.DataProvider;
import org.deeplearning4j.arbiter.optimize.api.data.DataSource;
import org.deeplearning4j.arbiter.optimize.api.score.ScoreFunction;
import org.splicecbm.runconfig.SweepConfig;

/** Arbiter's score of a path: its best point's validation selection metric, maximised (test metrics never score). */
final class SelectionScore implements ScoreFunction {
    private final SweepConfig.Metric metric;

    SelectionScore(SweepConfig.Metric metric) {
        this.metric = metric;
    }

    @Override
    public double score(Object model, DataProvider dataProvider, Map<String, Object> dataParameters) {
        return ((PathOutcome) model).best(metric).metric(metric);
    }

    @Override
    public double score(Object model, Class<? extends DataSource> dataSource, Properties dataSourceProperties) {
        return ((PathOutcome) model).best(metric).metric(metric);
    }

    @Override
    public boolean minimize() {
        return false;
    }

    @Override
    public List<Class<?>> getSupportedModelTypes() {
        return List.of(PathOutcome.class);
    }

    @Override
    public List<Class<?>> getSupportedDataTypes() {
        return List.of(Object.class);
    }
}

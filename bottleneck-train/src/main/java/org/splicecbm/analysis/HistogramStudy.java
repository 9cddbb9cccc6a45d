package org.splicecbm.analysis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.splicecbm.analysis.histogram.ClassWeights;
import org.splicecbm.analysis.histogram.ConceptHistogram;
import org.splicecbm.analysis.histogram.HistogramReport;
import org.splicecbm.concepts.VocabularySource;
import org.splicecbm.runconfig.RunConfig;
import org.splicecbm.data.Datasets;
import org.splicecbm.data.ImageDataset;
import org.splicecbm.data.Split;
import org.splicecbm.pipeline.FeaturePipeline;
import org.splicecbm.store.FeatureSet;

/**
 * {@code splice histogram} as a library call (SpLiCE's {@code concept_histogram.py}, the paper's Fig. 4): class
 * and concept names are checked against the dataset and vocabulary before any work, the config's feature sets are
 * computed when missing, the chosen splits pooled (the reference pools train and test), and the report folder
 * written and logged to MLflow.
 *
 * @param splits splits to pool; empty = every split the dataset has
 */
public record HistogramStudy(RunConfig config, List<String> classes, List<String> concepts, List<String> splits, Path out) {

    public List<String> run() throws IOException {
        ImageDataset dataset = Datasets.open(config.dataset());
        int[] labels = new NameLookup("class", dataset.classNames()).indices("--classes", classes);
        List<String> vocabulary = VocabularySource.fromEnvironment().resolve(config.concepts().vocabulary())
                .lastK(config.concepts().size());
        new NameLookup("concept", vocabulary).indices("--concepts", concepts);
        List<Split> used = splitsToUse(dataset);
        Path family = FeaturePipeline.featureDir(config.features());
        if (used.stream().anyMatch(s -> !Files.isDirectory(family.resolve(s.key())))) {
            FeaturePipeline.run(config.features());
        }
        List<FeatureSet> sets = new ArrayList<>();
        for (Split s : used) {
            sets.add(FeatureSet.read(family.resolve(s.key())));
        }
        int[] columns = new NameLookup("concept", sets.get(0).concepts()).indices("--concepts", concepts);
        List<ClassWeights> perClass = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            perClass.add(ClassWeights.collect(classes.get(i), labels[i], sets, columns));
        }
        ConceptHistogram histogram = ConceptHistogram.of(perClass);
        List<String> lines = new ArrayList<>(context(used, sets));
        String title = dataset.name() + " histogram: " + String.join(", ", concepts) + " in " + String.join(" vs ", classes);
        HistogramReport.write(histogram, title, lines, out);
        lines.addAll(HistogramReport.summary(histogram));
        lines.add("report: " + out.resolve("histogram.html"));
        AnalysisTracking tracking = new AnalysisTracking(config.tracking().uri(), config.output().resolve("mlruns"),
                config.experimentName());
        lines.add("MLflow run " + tracking.log("histogram", params(used), metrics(histogram), out) + " in " + tracking.uri());
        return lines;
    }

    private List<Split> splitsToUse(ImageDataset dataset) {
        if (splits.isEmpty()) {
            return dataset.splits().stream().sorted().toList();
        }
        List<Split> out = new ArrayList<>();
        for (String s : splits) {
            Split split = Split.parse(s);
            if (!dataset.splits().contains(split)) {
                throw new IllegalArgumentException("--splits " + s + ": the dataset has only " + dataset.splits());
            }
            out.add(split);
        }
        return out;
    }

    /** Which images were pooled, and the reference's L0 and cosine (over every image of the used splits, as it computes them). */
    private static List<String> context(List<Split> used, List<FeatureSet> sets) {
        long rows = 0;
        long nonzero = 0;
        double cosine = 0;
        for (FeatureSet s : sets) {
            rows += s.features().rows();
            nonzero += s.features().nnz();
            cosine += s.meta().meanCosine() * s.features().rows();
        }
        return List.of("splits pooled: " + String.join(" + ", used.stream().map(Split::key).toList()) + " (" + rows + " images)",
                String.format(Locale.ROOT, "all images of these splits: mean L0 %.4f, mean cosine %.4f", (double) nonzero / rows,
                        cosine / rows));
    }

    private Map<String, String> params(List<Split> used) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("classes", String.join(",", classes));
        p.put("concepts", String.join(",", concepts));
        p.put("splits", String.join(",", used.stream().map(Split::key).toList()));
        p.put("l1_penalty", Double.toString(config.splice().l1Penalty()));
        return p;
    }

    private static Map<String, Double> metrics(ConceptHistogram h) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (ClassWeights c : h.classes()) {
            m.put("active_share_" + c.className().replaceAll("[^A-Za-z0-9_-]", "_"), c.active().estimate());
        }
        if (!h.tests().isEmpty()) {
            m.put("active_p_value", h.tests().get(0).activeShares().pValue());
            m.put("mann_whitney_p_value", h.tests().get(0).weights().pValue());
        }
        return m;
    }
}

package org.splicecbm.analysis;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.splicecbm.analysis.retrieval.RecallAtK;
import org.splicecbm.analysis.retrieval.RetrievalPairs;
import org.splicecbm.analysis.retrieval.RetrievalReport;
import org.splicecbm.analysis.retrieval.RetrievalRow;
import org.splicecbm.backbone.BackboneOptions;
import org.splicecbm.backbone.ClipBackbone;
import org.splicecbm.backbone.ClipModels;
import org.splicecbm.concepts.ConceptDictionary;
import org.splicecbm.concepts.ImageMean;
import org.splicecbm.data.DatasetConfig;
import org.splicecbm.runconfig.RetrievalConfig;
import org.splicecbm.data.CocoCaptions;
import org.splicecbm.data.ImageDataset;
import org.splicecbm.data.Split;
import org.splicecbm.decompose.Decomposition;
import org.splicecbm.engine.DeviceChoice;
import org.splicecbm.features.EmbeddingJob;
import org.splicecbm.features.FeatureStage;
import org.splicecbm.features.SpliceSetup;
import org.splicecbm.features.SpliceStep;
import org.splicecbm.store.AtomicDirectory;
import org.splicecbm.store.CachedEmbeddings;
import org.splicecbm.store.Npy;

/**
 * {@code splice retrieval} as a library call (SpLiCE's {@code experiments/retrieval.py}): MSCOCO images through the
 * embedding cache, one seeded caption per image through the text tower, then recall@1/5/10 in both directions over
 * every subset, for dense CLIP and for the SpLiCE reconstruction at each l1 (all of them from one solver along one
 * l1 path); report folder and MLflow run.
 *
 * @param saveEmbeddings also write the unit-norm image, caption and reconstruction embeddings ({@code .npy}) and the
 *                       subsets, so the numbers can be recomputed elsewhere
 */
public record RetrievalStudy(RetrievalConfig config, boolean saveEmbeddings) {

    public List<String> run() throws IOException {
        CocoCaptions coco = CocoCaptions.read(config.coco().captions(), config.coco().images());
        RetrievalPairs pairs = RetrievalPairs.draw(coco, config.subsetSize(), config.seed());
        ImageDataset dataset = coco.asDataset("mscoco-captions");
        Map<String, float[][]> saved = new LinkedHashMap<>();
        List<RetrievalRow> rows = new ArrayList<>();
        try (ClipBackbone backbone = ClipModels.open(config.backbone(),
                new BackboneOptions(DeviceChoice.parse(config.device()), config.threads(), config.batchSize()))) {
            CachedEmbeddings cache = FeatureStage.embed(new EmbeddingJob(dataset, List.of(Split.TRAIN), backbone,
                    ClipModels.identity(config.backbone()), config.output().resolve("embeddings"), config.batchSize(), 0, 0,
                    DatasetConfig.OnBadImage.FAIL, null)).caches().get(Split.TRAIN);
            float[][] raw = Npy.readFloatMatrix(cache.embeddingsFile());
            float[][] texts = unit(backbone.embedTexts(pairs.captions()));
            float[][] dense = unit(raw);
            saved.put("texts", texts);
            saved.put("images_dense", dense);
            rows.add(RetrievalRow.of("dense", Double.NaN, Double.NaN, 1.0, pairs.recalls(dense, texts)));
            ConceptDictionary dictionary = SpliceSetup.dictionary(backbone, config.concepts());
            ImageMean mean = SpliceSetup.imageMean(backbone, config.concepts(), dataset.name(), cache);
            // one solver and one pass along the l1 path for every penalty (each value certified as a single solve)
            try (SpliceStep step = SpliceSetup.step(dictionary, mean, config.splice())) {
                List<Decomposition> path = step.decomposePath(raw, config.l1Penalties());
                for (int v = 0; v < path.size(); v++) {
                    double l1 = config.l1Penalties().get(v);
                    Decomposition d = path.get(v);
                    float[][] reconstructed = unit(step.decomposer().recompose(d.weights()));
                    saved.put("images_l1_" + l1, reconstructed);
                    rows.add(RetrievalRow.of("splice l1=" + l1, l1, mean(d.l0()), mean(d.cosine()), pairs.recalls(reconstructed, texts)));
                }
            }
        }
        return report(rows, pairs, saved, coco.images().size());
    }

    private List<String> report(List<RetrievalRow> rows, RetrievalPairs pairs, Map<String, float[][]> saved, int images)
            throws IOException {
        Path out = config.output().resolve("retrieval");
        List<String> context = List.of(String.format(Locale.ROOT, "%d captioned images, one seeded caption each (seed %d);"
                + " %d disjoint random subsets of %d pairs (the %d left over are not used); mean +- sample std over all subsets",
                images, config.seed(), pairs.subsets().size(), config.subsetSize(), images - pairs.subsets().size() * config.subsetSize()));
        AtomicDirectory.write(out, dir -> {
            RetrievalReport.write(rows, "MSCOCO retrieval: dense CLIP vs SpLiCE", context, dir);
            if (saveEmbeddings) {
                for (Map.Entry<String, float[][]> e : saved.entrySet()) {
                    Npy.writeFloat32(dir.resolve(e.getKey() + ".npy"), e.getValue(), e.getValue()[0].length);
                }
                StringBuilder s = new StringBuilder();
                pairs.subsets().forEach(subset -> s.append(String.join(",",
                        java.util.Arrays.stream(subset).mapToObj(Integer::toString).toList())).append('\n'));
                org.splicecbm.store.AtomicFiles.writeString(dir.resolve("subsets.txt"), s.toString());
            }
        });
        List<String> lines = new ArrayList<>(context);
        lines.addAll(RetrievalReport.table(rows));
        lines.add("report: " + out.resolve("retrieval.html") + ", table: " + out.resolve("retrieval.csv"));
        AnalysisTracking tracking = new AnalysisTracking(config.tracking().uri(), config.output().resolve("mlruns"), config.experimentName());
        lines.add("MLflow run " + tracking.log("retrieval", params(), metrics(rows), out) + " in " + tracking.uri());
        return lines;
    }

    private Map<String, String> params() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("backbone", config.backbone());
        p.put("vocabulary", config.concepts().vocabulary());
        p.put("l1_penalties", config.l1Penalties().toString());
        p.put("subset_size", Integer.toString(config.subsetSize()));
        p.put("seed", Long.toString(config.seed()));
        return p;
    }

    private static Map<String, Double> metrics(List<RetrievalRow> rows) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (RetrievalRow r : rows) {
            String prefix = r.setting().replace(' ', '_').replace('=', '_');
            for (int k = 0; k < RecallAtK.KS.length; k++) {
                m.put(prefix + "_i2t_r" + RecallAtK.KS[k], r.mean()[0][k]);
                m.put(prefix + "_t2i_r" + RecallAtK.KS[k], r.mean()[1][k]);
            }
            m.put(prefix + "_mean_l0", r.meanL0());
        }
        return m;
    }

    private static float[][] unit(float[][] rows) {
        float[][] out = new float[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            double norm = 0;
            for (float v : rows[i]) {
                norm += (double) v * v;
            }
            double scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
            out[i] = new float[rows[i].length];
            for (int j = 0; j < out[i].length; j++) {
                out[i][j] = (float) (rows[i][j] * scale);
            }
        }
        return out;
    }

    private static double mean(int[] values) {
        return java.util.Arrays.stream(values).average().orElse(Double.NaN);
    }

    private static double mean(float[] values) {
        double s = 0;
        for (float v : values) {
            s += v;
        }
        return s / values.length;
    }
}

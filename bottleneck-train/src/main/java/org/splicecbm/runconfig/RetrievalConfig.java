package org.splicecbm.runconfig;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.splicecbm.concepts.ConceptsConfig;
import org.splicecbm.config.ConfigException;
import org.splicecbm.config.FeatureConfig;
import org.splicecbm.config.RelativePaths;
import org.splicecbm.decompose.SpliceConfig;

/**
 * A retrieval study (SpLiCE's {@code experiments/retrieval.py}; Bhalla et al., NeurIPS 2024, Sec. 5.1): MSCOCO
 * captions, the backbone and concepts, the SpLiCE penalties to compare against dense CLIP, and how pairs are drawn.
 *
 * @param coco        {@code captions} (captions_val2017.json) and {@code images} (the val2017 folder)
 * @param l1Penalties SpLiCE penalties, one reconstruction each (default: {@code splice.l1_penalty})
 * @param subsetSize  image-caption pairs per random subset (default 1024, as the reference's batch size)
 * @param seed        seed of the caption choice and the subsets (default 0)
 */
public record RetrievalConfig(Integer schema, String name, String backbone, String device, Integer batchSize, Integer threads,
                              CocoConfig coco, ConceptsConfig concepts, SpliceConfig splice, List<Double> l1Penalties,
                              Integer subsetSize, Long seed, TrackingConfig tracking, Path output)
        implements RelativePaths<RetrievalConfig> {

    /** Where the MSCOCO captions file and images are. */
    public record CocoConfig(Path captions, Path images) {
        public CocoConfig {
            ConfigException.require(captions != null, "coco.captions", "name annotations/captions_val2017.json", null);
            ConfigException.require(images != null, "coco.images", "name the val2017 image folder", null);
        }
    }

    public RetrievalConfig {
        ConfigException.require(schema != null && schema == RunConfig.SCHEMA, "schema", "be 1 (add 'schema: 1' at the top)", schema);
        ConfigException.require(name != null && name.matches("[A-Za-z0-9][A-Za-z0-9._-]*"), "name",
                "be a simple identifier (letters, digits, '.', '_', '-')", name);
        ConfigException.require(backbone != null && !backbone.isBlank(), "backbone", "name a backbone or a model folder", backbone);
        device = device == null ? "auto" : device.toLowerCase(Locale.ROOT);
        batchSize = batchSize == null ? 64 : batchSize;
        threads = threads == null ? 0 : threads;
        ConfigException.require(coco != null, "coco", "be given (captions, images)", null);
        concepts = concepts == null ? ConceptsConfig.defaults() : concepts;
        splice = splice == null ? SpliceConfig.defaults() : splice;
        l1Penalties = l1Penalties == null || l1Penalties.isEmpty() ? List.of(splice.l1Penalty()) : List.copyOf(l1Penalties);
        for (double l1 : l1Penalties) {
            ConfigException.require(Double.isFinite(l1) && l1 > 0, "l1_penalties", "hold finite numbers > 0", l1);
        }
        subsetSize = subsetSize == null ? 1024 : subsetSize;
        ConfigException.require(subsetSize >= 10, "subset_size", "be >= 10 (recall@10 needs ten candidates)", subsetSize);
        seed = seed == null ? 0L : seed;
        tracking = tracking == null ? TrackingConfig.defaults() : tracking;
        ConfigException.require(output != null, "output", "be the folder for caches and reports", null);
    }

    @Override
    public RetrievalConfig resolvedAgainst(Path baseDir) {
        return new RetrievalConfig(schema, name, RelativePaths.resolveIfFile(baseDir, backbone), device, batchSize, threads, coco,
                FeatureConfig.resolved(concepts, baseDir), splice, l1Penalties,
                subsetSize, seed, tracking.resolvedAgainst(baseDir), output);
    }

    /** The MLflow experiment: {@code tracking.experiment}, else the config's name. */
    public String experimentName() {
        return tracking.experiment() == null ? name : tracking.experiment();
    }
}

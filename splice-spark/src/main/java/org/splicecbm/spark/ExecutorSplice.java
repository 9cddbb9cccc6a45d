package org.splicecbm.spark;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.splicecbm.backbone.BackboneOptions;
import org.splicecbm.backbone.ClipBackbone;
import org.splicecbm.backbone.ClipModels;
import org.splicecbm.decompose.SolverOptions;
import org.splicecbm.decompose.SpliceDecomposer;
import org.splicecbm.engine.DeviceChoice;
import org.splicecbm.image.ImagePreprocessor;

/**
 * The per-executor SpLiCE model: one CLIP backbone and one decomposer per JVM and settings, loaded lazily by the
 * first task that needs them and kept for the executor's lifetime, so a 400M-image job loads ViT-B/32 once per
 * executor, not once per partition. Tasks of one executor share it; the backbone's forward pass and the solver are
 * called under the holder's lock (one forward pass at a time per executor: a GPU executor runs one task per GPU).
 */
final class ExecutorSplice {
    private static final Map<String, ExecutorSplice> LOADED = new ConcurrentHashMap<>();
    /** One backbone per JVM and (backbone, device, batch): the image-mean pass and the feature pass share it. */
    private static final Map<String, ClipBackbone> BACKBONES = new ConcurrentHashMap<>();

    final ClipBackbone backbone;
    final SpliceDecomposer decomposer;
    final ImagePreprocessor preprocessor;

    private ExecutorSplice(ClipBackbone backbone, SpliceDecomposer decomposer) {
        this.backbone = backbone;
        this.decomposer = decomposer;
        this.preprocessor = new ImagePreprocessor(backbone.preprocessing());
    }

    /** The executor's model for {@code bundle}, loading it on first use. */
    static ExecutorSplice of(SpliceBundle bundle) {
        return LOADED.computeIfAbsent(bundle.key(), key -> load(bundle));
    }

    /** The executor's backbone for {@code s}, opened on first use; callers embed under its lock. */
    static ClipBackbone backbone(SpliceSettings s) {
        return BACKBONES.computeIfAbsent(String.join("|", s.backbone(), s.device(), Integer.toString(s.batchSize())), key -> {
            try {
                return ClipModels.open(s.backbone(), new BackboneOptions(DeviceChoice.parse(s.device()), 0, s.batchSize()));
            } catch (RuntimeException e) {
                throw new BackboneUnavailableException(s.backbone(), e);
            }
        });
    }

    private static ExecutorSplice load(SpliceBundle bundle) {
        SpliceSettings s = bundle.settings();
        ClipBackbone backbone = backbone(s);
        if (backbone.embeddingDim() != bundle.provenance().embeddingDim()) {
            throw new BackboneUnavailableException(s.backbone(), new IllegalStateException("the executor's copy embeds into "
                    + backbone.embeddingDim() + " dimensions, the driver's into " + bundle.provenance().embeddingDim()));
        }
        SpliceDecomposer decomposer = new SpliceDecomposer(bundle.dictionary(), bundle.imageMean(), s.l1(),
                SolverOptions.defaults().withRelativeGapTolerance(s.tolerance()));
        return new ExecutorSplice(backbone, decomposer);
    }
}

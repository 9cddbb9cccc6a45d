package org.splicecbm.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.splicecbm.analysis.RetrievalStudy;
import org.splicecbm.config.ConfigLoader;
import org.splicecbm.runconfig.RetrievalConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code splice retrieval}: image-text retrieval on MSCOCO captions with dense CLIP and SpLiCE reconstructions
 * (Bhalla et al., NeurIPS 2024, Sec. 5.1; SpLiCE's {@code experiments/retrieval.py}).
 */
@Command(name = "retrieval", mixinStandardHelpOptions = true,
        description = "Recall@1/5/10 image->text and text->image, dense CLIP vs SpLiCE, on MSCOCO captions.")
final class RetrievalCommand implements Callable<Integer> {
    @Option(names = "--config", required = true, description = "YAML retrieval config (see experiments/retrieval)")
    Path config;

    @Option(names = "--save-embeddings", description = "also write the unit-norm embeddings and subsets used (.npy, subsets.txt)")
    boolean saveEmbeddings;

    @Override
    public Integer call() throws Exception {
        RetrievalConfig c = ConfigLoader.load(config, RetrievalConfig.class);
        new RetrievalStudy(c, saveEmbeddings).run().forEach(System.out::println);
        return 0;
    }
}

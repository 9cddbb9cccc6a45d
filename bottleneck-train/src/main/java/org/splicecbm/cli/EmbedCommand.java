package org.splicecbm.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import org.splicecbm.backbone.ClipBackbone;
import org.splicecbm.image.ImageDecoder;
import org.splicecbm.image.ImagePreprocessor;
import org.splicecbm.progress.Progress;
import org.splicecbm.store.NpyMatrixWriter;
import org.splicecbm.store.OutputTarget;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code splice embed}: raw projected CLIP embeddings (what transformers' {@code get_image_features} /
 * {@code get_text_features} return) as an N x d float32 {@code .npy}, rows in input order, written atomically.
 */
@Command(name = "embed", mixinStandardHelpOptions = true, description = "Embed images or texts with a CLIP backbone.")
final class EmbedCommand implements Callable<Integer> {
    @Mixin
    BackboneMixin backbone;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Inputs inputs;

    static final class Inputs {
        @Option(names = "--images", arity = "1..*", description = "image files, embedded in the order given")
        List<Path> images;

        @Option(names = "--texts", description = "UTF-8 text file, one text per line")
        Path texts;
    }

    @Option(names = "--out", required = true, description = "output .npy (N x d float32)")
    Path out;

    @Override
    public Integer call() throws IOException {
        OutputTarget.requireWritableFile("--out", out);
        try (ClipBackbone model = backbone.open(); NpyMatrixWriter writer = NpyMatrixWriter.open(out, model.embeddingDim())) {
            if (inputs.texts != null) {
                List<String> lines = readTexts(inputs.texts);
                for (int start = 0; start < lines.size(); start += backbone.batchSize) {
                    writer.append(model.embedTexts(lines.subList(start, Math.min(lines.size(), start + backbone.batchSize))));
                }
            } else {
                embedImages(model, writer);
            }
            writer.commit();
            System.out.printf("wrote %d x %d embeddings from %s to %s%n", writer.rows(), model.embeddingDim(), backbone.backbone, out);
        }
        return 0;
    }

    private void embedImages(ClipBackbone model, NpyMatrixWriter writer) throws IOException {
        ImagePreprocessor preprocessor = new ImagePreprocessor(model.preprocessing());
        List<Path> files = inputs.images;
        try (ProgressBar bar = Progress.bar("embed images", files.size(), "img")) {
            for (int start = 0; start < files.size(); start += backbone.batchSize) {
                List<Path> batch = files.subList(start, Math.min(files.size(), start + backbone.batchSize));
                float[][] pixels = new float[batch.size()][];
                for (int i = 0; i < batch.size(); i++) {
                    pixels[i] = preprocessor.apply(ImageDecoder.decode(batch.get(i)));
                }
                writer.append(model.embedImages(pixels));
                bar.stepBy(batch.size());
            }
        }
    }

    private static List<String> readTexts(Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        int n = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            n++;
            if (line.isBlank()) {
                throw new IllegalArgumentException(file + ":" + n + ": blank line; --texts needs one non-empty text per line");
            }
            lines.add(line);
        }
        if (lines.isEmpty()) {
            throw new IllegalArgumentException(file + " holds no texts; --texts needs one text per line");
        }
        return lines;
    }
}

package org.splicecbm.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * MSCOCO captions in the official format ({@code annotations/captions_val2017.json}: {@code images[]} with
 * {@code id} and {@code file_name}, {@code annotations[]} with {@code image_id} and {@code caption}) plus the image
 * folder ({@code val2017/}). Images are ordered by id; every image must have a caption and a file. As an
 * {@link ImageDataset} it has one class and one split ({@code train}, so {@code image_mean: dataset} can use it).
 *
 * @param images the captioned images in id order
 */
public record CocoCaptions(List<CaptionedImage> images) {

    /** One image with all of its captions, in file order. */
    public record CaptionedImage(long id, Path file, List<String> captions) {}

    public static CocoCaptions read(Path captionsJson, Path imageFolder) throws IOException {
        if (!Files.isRegularFile(captionsJson)) {
            throw new IOException("coco.captions: no file at " + captionsJson + "; give annotations/captions_val2017.json of MSCOCO 2017");
        }
        if (!Files.isDirectory(imageFolder)) {
            throw new IOException("coco.images: no folder at " + imageFolder + "; give the val2017 image folder");
        }
        JsonNode root = new ObjectMapper().readTree(captionsJson.toFile());
        if (!root.path("images").isArray() || !root.path("annotations").isArray()) {
            throw new IOException(captionsJson + ": expected the COCO captions format with 'images' and 'annotations' arrays");
        }
        Map<Long, String> files = new LinkedHashMap<>();
        root.get("images").forEach(i -> files.put(i.path("id").asLong(), i.path("file_name").asText()));
        Map<Long, List<String>> captions = new LinkedHashMap<>();
        for (JsonNode a : root.get("annotations")) {
            long id = a.path("image_id").asLong();
            if (!files.containsKey(id)) {
                throw new IOException(captionsJson + ": caption " + a.path("id").asText() + " refers to image " + id + ", which is not listed");
            }
            captions.computeIfAbsent(id, k -> new ArrayList<>()).add(a.path("caption").asText().strip());
        }
        List<CaptionedImage> out = new ArrayList<>();
        for (Map.Entry<Long, List<String>> e : captions.entrySet()) {
            Path file = imageFolder.resolve(files.get(e.getKey()));
            if (!Files.isRegularFile(file)) {
                throw new IOException("image " + e.getKey() + " (" + files.get(e.getKey()) + ") not found in " + imageFolder
                        + "; coco.images must be the folder the captions file describes");
            }
            out.add(new CaptionedImage(e.getKey(), file, List.copyOf(e.getValue())));
        }
        out.sort(Comparator.comparingLong(CaptionedImage::id));
        if (out.isEmpty()) {
            throw new IOException(captionsJson + ": no captioned images");
        }
        return new CocoCaptions(List.copyOf(out));
    }

    /** The images as a one-class dataset named {@code name}, all in the {@code train} split. */
    public ImageDataset asDataset(String name) {
        List<Sample> samples = images.stream()
                .map(i -> new Sample(Long.toString(i.id()), 0, new FileImageSource(i.file()), Map.of())).toList();
        return new ImageDataset() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public List<String> classNames() {
                return List.of("image");
            }

            @Override
            public List<Sample> samples(Split split) {
                if (split != Split.TRAIN) {
                    throw new IllegalArgumentException("the COCO captions dataset has one split, train; found " + split.key());
                }
                return samples;
            }

            @Override
            public Set<Split> splits() {
                return EnumSet.of(Split.TRAIN);
            }
        };
    }
}

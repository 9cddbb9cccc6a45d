package org.splicecbm.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splicecbm.validation.InvalidArgumentException;

class PreprocessSpecsTest {
    @TempDir
    Path tmp;

    private Path json(String name, String text) throws IOException {
        return Files.writeString(tmp.resolve(name), text);
    }

    @Test
    void readsTransformersConfig() throws Exception {
        PreprocessSpec spec = PreprocessSpecs.fromHuggingFace(json("p.json", """
                {"size": {"shortest_edge": 224}, "crop_size": {"height": 224, "width": 200}, "resample": 3,
                 "rescale_factor": 0.00392156862745098, "image_mean": [0.1, 0.2, 0.3], "image_std": [0.4, 0.5, 0.6],
                 "do_resize": true, "do_center_crop": true, "do_normalize": true, "do_rescale": true}"""));
        assertEquals(224, spec.shortestEdge());
        assertEquals(224, spec.cropHeight());
        assertEquals(200, spec.cropWidth());
        assertEquals(1 / 255.0, spec.rescaleFactor(), 1e-15);
        assertArrayEquals(new float[] {0.1f, 0.2f, 0.3f}, spec.mean());
        assertArrayEquals(new float[] {0.4f, 0.5f, 0.6f}, spec.std());
    }

    @Test
    void readsOlderIntegerSizesAndFlags() throws Exception {
        PreprocessSpec spec = PreprocessSpecs.fromHuggingFace(json("p.json",
                "{\"size\": 256, \"crop_size\": 224, \"do_normalize\": false, \"do_rescale\": false}"));
        assertEquals(256, spec.shortestEdge());
        assertEquals(224, spec.cropWidth());
        assertEquals(1.0, spec.rescaleFactor());
        assertArrayEquals(new float[] {0, 0, 0}, spec.mean());
        assertArrayEquals(new float[] {1, 1, 1}, spec.std());
    }

    @Test
    void refusesWhatItCannotReproduce() throws Exception {
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class,
                () -> PreprocessSpecs.fromHuggingFace(json("bilinear.json", "{\"size\": 224, \"resample\": 2}")));
        assertTrue(e.getMessage().contains("resample") && e.getMessage().contains("bilinear.json"), e.getMessage());
        e = assertThrows(InvalidArgumentException.class,
                () -> PreprocessSpecs.fromHuggingFace(json("hw.json", "{\"size\": {\"height\": 224, \"width\": 224}}")));
        assertTrue(e.getMessage().contains("shortest_edge"), e.getMessage());
        e = assertThrows(InvalidArgumentException.class,
                () -> PreprocessSpecs.fromHuggingFace(json("nocrop.json", "{\"size\": 224, \"do_center_crop\": false}")));
        assertTrue(e.getMessage().contains("do_center_crop"), e.getMessage());
        e = assertThrows(InvalidArgumentException.class,
                () -> PreprocessSpecs.fromHuggingFace(json("mean.json", "{\"size\": 224, \"image_mean\": [0.5]}")));
        assertTrue(e.getMessage().contains("image_mean"), e.getMessage());
        assertThrows(IOException.class, () -> PreprocessSpecs.fromHuggingFace(tmp.resolve("absent.json")));
    }

    @Test
    void readsOpenClipConfig() throws Exception {
        PreprocessSpec spec = PreprocessSpecs.fromOpenClip(json("o.json", """
                {"model_cfg": {"vision_cfg": {"image_size": 96}},
                 "preprocess_cfg": {"mean": [0.1, 0.2, 0.3], "std": [0.4, 0.5, 0.6], "interpolation": "bicubic", "resize_mode": "shortest"}}"""));
        assertEquals(96, spec.shortestEdge());
        assertEquals(96, spec.cropHeight());
        assertArrayEquals(new float[] {0.1f, 0.2f, 0.3f}, spec.mean());
        PreprocessSpec defaults = PreprocessSpecs.fromOpenClip(json("d.json", "{\"model_cfg\": {\"vision_cfg\": {\"image_size\": [224, 224]}}}"));
        assertArrayEquals(PreprocessSpec.CLIP_MEAN, defaults.mean());
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class, () -> PreprocessSpecs.fromOpenClip(json("s.json",
                "{\"model_cfg\": {\"vision_cfg\": {\"image_size\": 224}}, \"preprocess_cfg\": {\"resize_mode\": \"squash\"}}")));
        assertTrue(e.getMessage().contains("resize_mode"), e.getMessage());
    }
}

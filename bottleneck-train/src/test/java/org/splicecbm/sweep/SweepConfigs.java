package org.splicecbm.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.splicecbm.config.ConfigLoader;
import org.splicecbm.runconfig.RunConfig;

/** Run configs with a sweep section, loaded the way the CLI loads them. */
final class SweepConfigs {
    private SweepConfigs() {}

    static RunConfig load(Path dir, String sweep) throws IOException {
        String yaml = """
                schema: 1
                name: s
                backbone: open_clip:ViT-B-32
                dataset:
                  kind: imagefolder
                  root: images
                concepts:
                  size: 10000
                splice:
                  l1_penalty: 0.25
                probe:
                  l1: 1.0e-4
                output: out
                """ + sweep;
        return ConfigLoader.load(Files.writeString(dir.resolve("sweep.yaml"), yaml), RunConfig.class);
    }
}

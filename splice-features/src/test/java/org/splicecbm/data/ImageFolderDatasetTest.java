package org.splicecbm.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFolderDatasetTest {
    @TempDir
    Path root;

    private ImageDataset open() throws IOException {
        return Datasets.open(TestConfigs.dataset(root, "kind: imagefolder\n"));
    }

    @Test
    void classesAndImagesAreSortedAndHiddenOrForeignFilesIgnored() throws IOException {
        DataFixtures.png(root.resolve("dog/b.PNG"), 0x00ff00);
        DataFixtures.png(root.resolve("dog/a.png"), 0x0000ff);
        DataFixtures.png(root.resolve("dog/sub/c.png"), 0x0000ff);
        DataFixtures.png(root.resolve("cat/z.png"), 0xff0000);
        DataFixtures.png(root.resolve("cat/.hidden.png"), 0xff0000);
        DataFixtures.png(root.resolve(".cache/x.png"), 0xff0000);
        DataFixtures.text(root.resolve("cat/notes.txt"), "not an image");
        ImageDataset data = open();
        assertEquals(List.of("cat", "dog"), data.classNames());
        assertEquals(Set.of(Split.TRAIN), data.splits());
        List<Sample> train = data.samples(Split.TRAIN);
        assertEquals(List.of("cat/z.png", "dog/a.png", "dog/b.PNG", "dog/sub/c.png"), train.stream().map(Sample::id).toList());
        assertEquals(List.of(0, 1, 1, 1), train.stream().map(Sample::label).toList());
        assertEquals(0x00ff00, train.get(2).source().open().getRGB(1, 1) & 0xffffff);
        assertEquals(root.resolve("dog/b.PNG").toString(), train.get(2).source().location());
    }

    @Test
    void emptyClassFolderIsNamed() {
        DataFixtures.png(root.resolve("cat/a.png"), 0);
        DataFixtures.text(root.resolve("dog/readme.txt"), "x");
        IOException e = assertThrows(IOException.class, this::open);
        assertTrue(e.getMessage().contains(root.resolve("dog").toString()) && e.getMessage().contains("no images"),
                e.getMessage());
    }

    @Test
    void splitFoldersBecomeSplits() throws IOException {
        DataFixtures.png(root.resolve("train/cat/a.png"), 0);
        DataFixtures.png(root.resolve("train/dog/a.png"), 0);
        DataFixtures.png(root.resolve("test/dog/t.png"), 0);
        DataFixtures.png(root.resolve("validation/cat/v.png"), 0);
        ImageDataset data = open();
        assertEquals(Set.of(Split.TRAIN, Split.VAL, Split.TEST), data.splits());
        assertEquals(List.of("test/dog/t.png"), data.samples(Split.TEST).stream().map(Sample::id).toList());
        assertEquals(1, data.samples(Split.TEST).get(0).label());
        assertEquals(List.of("validation/cat/v.png"), data.samples(Split.VAL).stream().map(Sample::id).toList());
    }

    @Test
    void unknownClassInTestSplitIsNamed() {
        DataFixtures.png(root.resolve("train/cat/a.png"), 0);
        DataFixtures.png(root.resolve("test/cow/a.png"), 0);
        IOException e = assertThrows(IOException.class, this::open);
        assertTrue(e.getMessage().contains("cow") && e.getMessage().contains("[cat]"), e.getMessage());
    }

    @Test
    void undecodableImageNamesTheFile() throws IOException {
        DataFixtures.text(root.resolve("cat/broken.jpg"), "definitely not a jpeg");
        Sample s = open().samples(Split.TRAIN).get(0);
        IOException e = assertThrows(IOException.class, () -> s.source().open());
        assertTrue(e.getMessage().contains(root.resolve("cat/broken.jpg").toString()), e.getMessage());
    }

    @Test
    void missingRootSaysSo() {
        IOException e = assertThrows(IOException.class,
                () -> Datasets.open(TestConfigs.dataset(root.resolve("nope"), "kind: imagefolder\n")));
        assertTrue(e.getMessage().contains("nope") && e.getMessage().contains("dataset.root"), e.getMessage());
    }

    @Test
    void fingerprintChangesWhenAFileChanges() throws IOException {
        Path a = DataFixtures.png(root.resolve("cat/a.png"), 0);
        DataFixtures.png(root.resolve("dog/a.png"), 0);
        String before = open().fingerprint(Split.TRAIN);
        assertEquals(before, open().fingerprint(Split.TRAIN));
        Files.setLastModifiedTime(a, FileTime.fromMillis(Files.getLastModifiedTime(a).toMillis() + 5000));
        assertNotEquals(before, open().fingerprint(Split.TRAIN));
    }
}

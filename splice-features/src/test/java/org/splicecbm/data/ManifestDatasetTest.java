package org.splicecbm.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestDatasetTest {
    @TempDir
    Path root;

    @BeforeEach
    void images() {
        for (String f : List.of("a.png", "b.png", "c.png", "d d.png", "x,y.png")) {
            DataFixtures.png(root.resolve("img/" + f), 0x123456);
        }
    }

    private ImageDataset open(String csv, String extraYaml) throws IOException {
        DataFixtures.text(root.resolve("m.csv"), csv);
        return Datasets.open(TestConfigs.dataset(root, "kind: csv\nmanifest: m.csv\n" + extraYaml));
    }

    private IOException failure(String csv, String extraYaml) {
        return assertThrows(IOException.class, () -> open(csv, extraYaml));
    }

    @Test
    void namesBecomeSortedClassesAndExtraColumnsGroups() throws IOException {
        ImageDataset data = open("path,label,split,place\n"
                + "img/b.png,dog,train,land\r\n"
                + "\"img/x,y.png\",cat,test,\"water \"\"deep\"\"\"\n"
                + "\n"
                + "img/d d.png,cat,val,land\n", "min_class_samples: 0\n"); // tiny manifests: accept one-row classes
        assertEquals(List.of("cat", "dog"), data.classNames());
        assertEquals(Set.of(Split.TRAIN, Split.VAL, Split.TEST), data.splits());
        Sample test = data.samples(Split.TEST).get(0);
        assertEquals("img/x,y.png", test.id());
        assertEquals(0, test.label());
        assertEquals(Map.of("place", "water \"deep\""), test.groups());
        assertEquals(root.resolve("img/x,y.png").toString(), test.source().location());
        assertEquals(1, data.samples(Split.TRAIN).get(0).label());
    }

    @Test
    void integerLabelsAndNoSplitColumnMeanAllTrain() throws IOException {
        ImageDataset data = open("path,label\nimg/a.png,2\nimg/b.png,0\n", "min_class_samples: 0\n"); // tiny manifests: accept one-row classes
        assertEquals(List.of("0", "1", "2"), data.classNames());
        assertEquals(Set.of(Split.TRAIN), data.splits());
        assertEquals(List.of(2, 0), data.samples(Split.TRAIN).stream().map(Sample::label).toList());
    }

    @Test
    void explicitClassListFixesOrderAndAcceptsIndices() throws IOException {
        ImageDataset data = open("path,label\nimg/a.png,zebra\nimg/b.png,ant\nimg/c.png,1\n", "classes: [zebra, ant]\n");
        assertEquals(List.of("zebra", "ant"), data.classNames());
        assertEquals(List.of(0, 1, 1), data.samples(Split.TRAIN).stream().map(Sample::label).toList());
    }

    @Test
    void unknownLabelNamesManifestLineAndFix() {
        IOException e = failure("path,label\nimg/a.png,zebra\nimg/b.png,\"multi\nline\"\nimg/c.png,bee\n",
                "classes: [zebra, ant]\n");
        assertTrue(e.getMessage().contains("m.csv:3:") && e.getMessage().contains("'multi\nline'")
                && e.getMessage().contains("dataset.classes"), e.getMessage());
        IOException later = failure("path,label\nimg/a.png,zebra\nimg/b.png,\"multi\nline\"\nimg/c.png,bee\n",
                "classes: [zebra, ant, \"multi\\nline\"]\n");
        assertTrue(later.getMessage().contains("m.csv:5:") && later.getMessage().contains("'bee'"), later.getMessage());
    }

    @Test
    void missingFileIsNamedWhenItIsNeededNotWhenTheManifestIsRead() throws IOException {
        // a complete embedding cache may serve without the images, so opening the dataset does not require them
        ImageDataset data = open("path,label\nimg/a.png,cat\nimg/gone.png,cat\n", "");
        List<Sample> samples = data.samples(Split.TRAIN);
        IOException e = assertThrows(IOException.class, () -> SourceStamps.of(samples, "csv/train"));
        assertTrue(e.getMessage().contains("1 of " + samples.size()) && e.getMessage().contains(root.resolve("img/gone.png").toString())
                && e.getMessage().contains("dataset.root"), e.getMessage());
    }

    @Test
    void aLabelTypoIsNotSilentlyANewClass() {
        String csv = "path,label,split\nimg/a.png,cat,train\nimg/b.png,cat,train\nimg/c.png,catt,train\n"
                + "img/d d.png,dog,train\n\"img/x,y.png\",dog,test\n";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> open(csv, ""));
        assertTrue(e.getMessage().startsWith("dataset.min_class_samples: ") && e.getMessage().contains("class 'catt' has 1 row (m.csv line 4)")
                && e.getMessage().contains("set dataset.min_class_samples: 0"), e.getMessage());
        assertFalse(e.getMessage().contains("'cat' ") || e.getMessage().contains("'dog'"), "only the rare class: " + e.getMessage());
    }

    @Test
    void aClassWithoutTrainingRowsIsReportedAndBothCanBeAccepted() throws IOException {
        String csv = "path,label,split\nimg/a.png,cat,train\nimg/b.png,cat,train\nimg/c.png,dog,test\nimg/d d.png,dog,val\n";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> open(csv, ""));
        assertTrue(e.getMessage().contains("class 'dog' has no train rows, only val/test (m.csv line 4)"), e.getMessage());
        assertEquals(List.of("cat", "dog"), open(csv, "min_class_samples: 0\n").classNames());
        assertEquals(List.of("cat", "dog"), open(csv, "classes: [cat, dog]\n").classNames(), "explicit classes are not inferred");
    }

    @Test
    void aMissingManifestSaysNotFoundWithItsPath() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Datasets.open(TestConfigs.dataset(root, "kind: csv\nmanifest: lists/nope.csv\n")));
        assertTrue(e.getMessage().startsWith("dataset.manifest: ") && e.getMessage().contains("not found: " + root.resolve("lists/nope.csv")),
                e.getMessage());
    }

    @Test
    void stampsNoticeAChangedImageAndReportMissingOnes() throws IOException {
        ImageDataset data = open("path,label\nimg/a.png,cat\nimg/b.png,dog\nimg/c.png,dog\n", "min_class_samples: 0\n"); // tiny manifests: accept one-row classes
        List<Sample> samples = data.samples(Split.TRAIN);
        SourceStamps stamps = SourceStamps.parse(SourceStamps.of(samples, "csv/train").lines());
        assertEquals(new SourceStamps.Check(List.of(), List.of()), stamps.check(samples));
        String before = data.membershipFingerprint(Split.TRAIN);
        java.nio.file.Files.delete(root.resolve("img/a.png"));
        DataFixtures.png(root.resolve("img/b.png"), 0x654321);
        java.nio.file.Files.setLastModifiedTime(root.resolve("img/b.png"), java.nio.file.attribute.FileTime.fromMillis(1_000));
        SourceStamps.Check check = stamps.check(samples);
        assertEquals(List.of(root.resolve("img/a.png").toString()), check.missing());
        assertEquals(List.of(root.resolve("img/b.png").toString()), check.changed());
        assertEquals(before, open("path,label\nimg/a.png,cat\nimg/b.png,dog\nimg/c.png,dog\n", "min_class_samples: 0\n").membershipFingerprint(Split.TRAIN),
                "the cache key does not touch images");
    }

    @Test
    void missingColumnNamesHeader() {
        IOException e = failure("file,label\nimg/a.png,cat\n", "");
        assertTrue(e.getMessage().contains("m.csv:1:") && e.getMessage().contains("'path'")
                && e.getMessage().contains("[file, label]"), e.getMessage());
    }

    @Test
    void badSplitValueNamesLine() {
        IOException e = failure("path,label,split\nimg/a.png,cat,train\nimg/b.png,cat,holdout\n", "");
        assertTrue(e.getMessage().contains("m.csv:3:") && e.getMessage().contains("'holdout'")
                && e.getMessage().contains("train, val, test"), e.getMessage());
    }

    @Test
    void shortRowDuplicateAndUnclosedQuoteAreLocated() {
        assertTrue(failure("path,label,split\nimg/a.png,cat\n", "").getMessage().contains("m.csv:2:"));
        IOException comma = failure("path,label\nimg/a.png,cat\nimg/x,y.png,cat\n", "");
        assertTrue(comma.getMessage().contains("m.csv:3:") && comma.getMessage().contains("quote"), comma.getMessage());
        IOException dup = failure("path,label\nimg/a.png,cat\nimg/a.png,dog\n", "");
        assertTrue(dup.getMessage().contains("m.csv:3:") && dup.getMessage().contains("line 2"), dup.getMessage());
        IOException quote = failure("path,label\nimg/a.png,cat\n\"img/b.png,dog\n", "");
        assertTrue(quote.getMessage().contains("m.csv:3:") && quote.getMessage().contains("never closed"), quote.getMessage());
    }
}

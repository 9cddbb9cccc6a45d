package org.splicecbm.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splicecbm.validation.InvalidArgumentException;

class WaterbirdsCelebATest {
    @TempDir
    Path root;

    @Test
    void waterbirdsSplitsLabelsAndGroups() throws IOException {
        DataFixtures.png(root.resolve("001.Albatross/a.jpg"), 0);
        DataFixtures.png(root.resolve("002.Sparrow/b.jpg"), 0);
        DataFixtures.png(root.resolve("002.Sparrow/c.jpg"), 0);
        DataFixtures.text(root.resolve("metadata.csv"), "img_id,img_filename,y,split,place,place_filename\n"
                + "1,001.Albatross/a.jpg,1,0,0,/o/ocean/1.jpg\n"
                + "2,002.Sparrow/b.jpg,0,2,1,/f/forest/2.jpg\n"
                + "3,002.Sparrow/c.jpg,0,1,0,/f/forest/3.jpg\n");
        ImageDataset data = Datasets.open(TestConfigs.dataset(root, "kind: waterbirds\n"));
        assertEquals(List.of("landbird", "waterbird"), data.classNames());
        Sample train = data.samples(Split.TRAIN).get(0);
        assertEquals("001.Albatross/a.jpg", train.id());
        assertEquals(1, train.label());
        assertEquals(Map.of("place", "land", "group", "waterbird/land"), train.groups());
        assertEquals("002.Sparrow/b.jpg", data.samples(Split.TEST).get(0).id());
        assertEquals(Map.of("place", "water", "group", "landbird/water"), data.samples(Split.TEST).get(0).groups());
        assertEquals("002.Sparrow/c.jpg", data.samples(Split.VAL).get(0).id());
    }

    @Test
    void waterbirdsBadSplitCodeIsLocated() {
        DataFixtures.png(root.resolve("a.jpg"), 0);
        DataFixtures.text(root.resolve("metadata.csv"), "img_id,img_filename,y,split,place\n1,a.jpg,1,0,0\n2,a.jpg,1,3,0\n");
        IOException e = assertThrows(IOException.class, () -> Datasets.open(TestConfigs.dataset(root, "kind: waterbirds\n")));
        assertTrue(e.getMessage().contains("metadata.csv:3:") && e.getMessage().contains("0 = train"), e.getMessage());
    }

    private void celeba() {
        DataFixtures.text(root.resolve("list_attr_celeba.txt"), "4\n5_o_Clock_Shadow Eyeglasses Male \n"
                + "000001.jpg -1  1  1\n000002.jpg  1 -1 -1\n000003.jpg -1  1 -1\n000004.jpg -1 -1  1\n");
        DataFixtures.text(root.resolve("list_eval_partition.txt"), "000001.jpg 0\n000002.jpg 2\n000003.jpg 1\n000004.jpg 0\n");
        for (int i = 1; i <= 4; i++) {
            DataFixtures.png(root.resolve("img_align_celeba/00000" + i + ".jpg"), 0);
        }
    }

    @Test
    void celebaAttributeLabelOfficialPartitionAndGroup() throws IOException {
        celeba();
        ImageDataset data = Datasets.open(TestConfigs.dataset(root,
                "kind: celeba\nattribute: Eyeglasses\ngroup_attribute: Male\n"));
        assertEquals(List.of("not Eyeglasses", "Eyeglasses"), data.classNames());
        List<Sample> train = data.samples(Split.TRAIN);
        assertEquals(List.of("000001.jpg", "000004.jpg"), train.stream().map(Sample::id).toList());
        assertEquals(List.of(1, 0), train.stream().map(Sample::label).toList());
        assertEquals(Map.of("Male", "Male", "group", "Eyeglasses/Male"), train.get(0).groups());
        assertEquals(List.of("000002.jpg"), data.samples(Split.TEST).stream().map(Sample::id).toList(),
                "partition 2 is test (SpLiCE's script swaps train and test; we do not)");
        assertEquals(List.of("000003.jpg"), data.samples(Split.VAL).stream().map(Sample::id).toList());
    }

    @Test
    void celebaUnknownAttributeListsValidOnes() {
        celeba();
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class,
                () -> Datasets.open(TestConfigs.dataset(root, "kind: celeba\nattribute: Glasses\n")));
        assertEquals("dataset.attribute", e.key());
        assertTrue(e.getMessage().contains("[5_o_Clock_Shadow, Eyeglasses, Male]") && e.getMessage().contains("Glasses"),
                e.getMessage());
    }

    @Test
    void celebaBadValueIsLocated() {
        celeba();
        DataFixtures.text(root.resolve("list_attr_celeba.txt"), "2\nEyeglasses Male\n000001.jpg 1 1\n000002.jpg 0 1\n");
        IOException e = assertThrows(IOException.class,
                () -> Datasets.open(TestConfigs.dataset(root, "kind: celeba\nattribute: Male\n")));
        assertTrue(e.getMessage().contains("list_attr_celeba.txt:4:") && e.getMessage().contains("'0'"), e.getMessage());
    }
}

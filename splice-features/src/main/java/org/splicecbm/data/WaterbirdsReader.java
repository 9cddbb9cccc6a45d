package org.splicecbm.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Reads Waterbirds (Sagawa et al., 2020) as distributed: {@code root/metadata.csv} with columns
 * {@code img_id,img_filename,y,split,place[,place_filename]}; {@code y} 0/1 = landbird/waterbird,
 * {@code split} 0/1/2 = train/val/test, {@code place} 0/1 = land/water. Each sample carries the
 * groups {@code place} ({@code land|water}) and {@code group} ({@code <bird>/<place>}, the four groups
 * of worst-group accuracy). Rows keep file order; ids are the image file names.
 */
final class WaterbirdsReader {
    static final List<String> CLASSES = List.of("landbird", "waterbird");
    private static final List<String> PLACES = List.of("land", "water");
    private static final List<Split> SPLITS = List.of(Split.TRAIN, Split.VAL, Split.TEST);

    private WaterbirdsReader() {}

    static DatasetContent read(Path root) throws IOException {
        Path metadata = root.resolve("metadata.csv");
        if (!Files.isRegularFile(metadata)) {
            throw new IOException("Waterbirds metadata " + metadata + " not found; dataset.root must be the folder"
                    + " holding metadata.csv and the image folders (the waterbird_complete95_forest2water2 archive)");
        }
        CsvTable table = CsvTable.read(metadata);
        int fileCol = table.column("img_filename");
        int yCol = table.column("y");
        int splitCol = table.column("split");
        int placeCol = table.column("place");
        Map<Split, List<Sample>> splits = new EnumMap<>(Split.class);
        for (CsvTable.Row row : table.rows()) {
            String filename = table.field(row, fileCol);
            Path image = root.resolve(filename);
            int y = code(table, row, yCol, CLASSES.size(), "y (0 = landbird, 1 = waterbird)");
            Split split = SPLITS.get(code(table, row, splitCol, 3, "split (0 = train, 1 = val, 2 = test)"));
            String place = PLACES.get(code(table, row, placeCol, 2, "place (0 = land, 1 = water)"));
            Map<String, String> groups = Map.of("place", place, "group", CLASSES.get(y) + "/" + place);
            splits.computeIfAbsent(split, s -> new ArrayList<>())
                    .add(new Sample(filename, y, new FileImageSource(image), groups));
        }
        return new DatasetContent("waterbirds", CLASSES, splits);
    }

    private static int code(CsvTable table, CsvTable.Row row, int column, int count, String what) throws IOException {
        String text = table.field(row, column);
        try {
            int value = Integer.parseInt(text);
            if (value >= 0 && value < count) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below with the allowed values
        }
        throw table.error(row, "column " + table.header().get(column) + " must be " + what + ", found '" + text + "'");
    }
}

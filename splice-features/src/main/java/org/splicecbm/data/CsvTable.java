package org.splicecbm.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A comma-separated file with a header row (RFC 4180: fields may be quoted with {@code "}, a quote
 * inside a quoted field is doubled, quoted fields may span lines; a UTF-8 byte-order mark and
 * {@code \r\n} line ends are accepted; blank lines are skipped). Each row remembers the line it
 * starts on, so errors can say {@code file:line}.
 *
 * @param file   where it was read from (for messages)
 * @param header column names, trimmed
 * @param rows   the data rows in file order
 */
record CsvTable(Path file, List<String> header, List<Row> rows) {

    /** One data row and the 1-based line it starts on. */
    record Row(int line, List<String> fields) {}

    static CsvTable read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<Row> all = new Parser(file, text).parse();
        if (all.isEmpty()) {
            throw new IOException(file + ": empty; the first line must be a header row");
        }
        List<String> header = all.get(0).fields().stream().map(String::trim).toList();
        CsvTable table = new CsvTable(file, header, all.subList(1, all.size()));
        for (Row row : table.rows()) {
            if (row.fields().size() != header.size()) {
                throw table.error(row, "expected " + header.size() + " fields (" + String.join(",", header) + "), found "
                        + row.fields().size() + "; fill in missing fields and quote fields that contain commas");
            }
        }
        return table;
    }

    /** Index of a required column, or an error naming the file, the header and the fix. */
    int column(String name) throws IOException {
        int i = header.indexOf(name);
        if (i < 0) {
            throw new IOException(file + ":1: the header must have a column '" + name + "'; found columns "
                    + header + " (add the column or rename it)");
        }
        return i;
    }

    /** {@code file:line: message}. */
    IOException error(Row row, String message) {
        return new IOException(file + ":" + row.line() + ": " + message);
    }

    /** The field of a row, or an error when the row is too short. */
    String field(Row row, int column) throws IOException {
        if (column >= row.fields().size()) {
            throw error(row, "expected " + header.size() + " fields (" + String.join(",", header) + "), found "
                    + row.fields().size() + "; fill in the missing fields");
        }
        return row.fields().get(column).trim();
    }

    /** A small state machine over the characters; kept separate so {@link CsvTable} stays a value. */
    private static final class Parser {
        private final Path file;
        private final String text;
        private final List<Row> rows = new ArrayList<>();
        private int pos;
        private int line = 1;

        Parser(Path file, String text) {
            this.file = file;
            this.text = text;
        }

        List<Row> parse() throws IOException {
            while (pos < text.length()) {
                int start = line;
                List<String> fields = record();
                boolean blank = fields.size() == 1 && fields.get(0).isBlank();
                if (!blank) {
                    rows.add(new Row(start, fields));
                }
            }
            return rows;
        }

        private List<String> record() throws IOException {
            List<String> fields = new ArrayList<>();
            while (true) {
                fields.add(field());
                if (pos >= text.length()) {
                    return fields;
                }
                char c = text.charAt(pos++);
                if (c == ',') {
                    continue;
                }
                endOfLine(c);
                return fields;
            }
        }

        private void endOfLine(char c) {
            if (c == '\r' && pos < text.length() && text.charAt(pos) == '\n') {
                pos++;
            }
            line++;
        }

        private String field() throws IOException {
            if (pos < text.length() && text.charAt(pos) == '"') {
                return quoted();
            }
            int start = pos;
            while (pos < text.length() && ",\r\n".indexOf(text.charAt(pos)) < 0) {
                pos++;
            }
            return text.substring(start, pos);
        }

        private String quoted() throws IOException {
            int startLine = line;
            StringBuilder b = new StringBuilder();
            pos++;
            while (pos < text.length()) {
                char c = text.charAt(pos++);
                if (c == '"') {
                    if (pos < text.length() && text.charAt(pos) == '"') {
                        b.append('"');
                        pos++;
                        continue;
                    }
                    if (pos < text.length() && ",\r\n".indexOf(text.charAt(pos)) < 0) {
                        throw new IOException(file + ":" + line + ": text after a closing quote; quote the whole"
                                + " field and double any quote inside it (\"\")");
                    }
                    return b.toString();
                }
                if (c == '\n') {
                    line++;
                }
                b.append(c);
            }
            throw new IOException(file + ":" + startLine + ": a quoted field is never closed; add the closing quote");
        }
    }
}

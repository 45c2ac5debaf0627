package org.influencemonitor.ingest.file;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.influencemonitor.ingest.Candidate;
import org.influencemonitor.ingest.Timestamps;

/**
 * CSV with a header row (RFC 4180: commas, double quotes, quoted line breaks). Columns are found by
 * name: by default a column named like an {@code articles.raw} field ({@code url}, {@code title},
 * {@code published_at}, ..., any case), or as mapped with {@code --column FIELD=COLUMN}; other columns
 * are ignored, an empty cell is an absent field, and {@code country_hints} holds codes separated by
 * {@code ;}. A header that leaves no way to an id or to a title or text is the user's mistake, reported
 * once, not a rejection per row.
 */
public final class CsvFormat implements RecordFormat {
    public static final List<String> FIELDS = List.of("id", "url", "source", "title", "text", "language", "published_at",
            "country_hints");

    private static final ObjectReader ROW = new CsvMapper().readerFor(String[].class).with(CsvParser.Feature.WRAP_AS_ARRAY);

    private final Map<String, String> mapping;
    private Map<String, Integer> columnOf;
    private int width;

    /** @param mapping article field to CSV column name, for the columns not named like their field */
    public CsvFormat(Map<String, String> mapping) {
        for (String field : mapping.keySet()) {
            if (!FIELDS.contains(field)) {
                throw new IllegalArgumentException("--column " + field + "=...: no such field; the fields are "
                        + String.join(", ", FIELDS));
            }
        }
        this.mapping = Map.copyOf(mapping);
    }

    @Override
    public boolean quotedLineBreaks() {
        return true;
    }

    @Override
    public String unit() {
        return "records";
    }

    @Override
    public Parsed parse(String record) {
        String[] cells;
        try {
            cells = cells(record);
        } catch (IOException e) {
            return new Parsed.Bad("not valid CSV: " + firstLine(e.getMessage()));
        }
        if (columnOf == null) {
            header(cells);
            return new Parsed.Header();
        }
        if (cells.length != width) {
            return new Parsed.Bad("the record has " + cells.length + " fields, the header has " + width);
        }
        try {
            String published = cell(cells, "published_at");
            Instant publishedAt = published == null ? null : Timestamps.parse("published_at", published);
            String hints = cell(cells, "country_hints");
            return new Parsed.Article(new Candidate(cell(cells, "id"), cell(cells, "url"), cell(cells, "source"),
                    cell(cells, "title"), cell(cells, "text"), cell(cells, "language"), publishedAt,
                    hints == null ? List.of() : Arrays.stream(hints.split(";")).map(String::strip)
                            .filter(h -> !h.isEmpty()).toList()));
        } catch (IllegalArgumentException e) {
            return new Parsed.Bad(e.getMessage());
        }
    }

    private void header(String[] names) {
        Map<String, Integer> byName = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            byName.putIfAbsent(names[i].strip().toLowerCase(Locale.ROOT), i);
        }
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (String field : FIELDS) {
            String column = mapping.getOrDefault(field, field).strip().toLowerCase(Locale.ROOT);
            Integer index = byName.get(column);
            if (index == null && mapping.containsKey(field)) {
                throw new CsvHeaderException("--column " + field + "=" + mapping.get(field) + ": the CSV header has no column "
                        + "named \"" + mapping.get(field) + "\" (it has: " + String.join(", ", names) + ")");
            }
            if (index != null) {
                columns.put(field, index);
            }
        }
        if (!columns.containsKey("url") && !columns.containsKey("id")) {
            throw new CsvHeaderException("the CSV header has no url or id column (it has: " + String.join(", ", names)
                    + "); name one with --column url=COLUMN");
        }
        if (!columns.containsKey("title") && !columns.containsKey("text")) {
            throw new CsvHeaderException("the CSV header has no title or text column (it has: " + String.join(", ", names)
                    + "); name one with --column title=COLUMN");
        }
        this.columnOf = columns;
        this.width = names.length;
    }

    private String cell(String[] cells, String field) {
        Integer index = columnOf.get(field);
        if (index == null) {
            return null;
        }
        String value = cells[index];
        return value == null || value.isBlank() ? null : value;
    }

    private static String[] cells(String record) throws IOException {
        try (MappingIterator<String[]> rows = ROW.readValues(record)) {
            if (!rows.hasNextValue()) {
                return new String[0];
            }
            String[] row = rows.nextValue();
            if (rows.hasNextValue()) {
                throw new IOException("the record holds more than one CSV row");
            }
            return row;
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** A header the user must fix: the run cannot go on, and says so once. */
    public static final class CsvHeaderException extends IllegalArgumentException {
        CsvHeaderException(String message) {
            super(message);
        }
    }
}

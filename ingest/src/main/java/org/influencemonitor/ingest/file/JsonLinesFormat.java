package org.influencemonitor.ingest.file;

import org.influencemonitor.ingest.JsonArticleReader;

/** JSON Lines: one article object per line, with the fields of {@code articles.raw}. */
public final class JsonLinesFormat implements RecordFormat {
    private final JsonArticleReader reader = new JsonArticleReader();

    @Override
    public boolean quotedLineBreaks() {
        return false;
    }

    @Override
    public Parsed parse(String record) {
        JsonArticleReader.Read read = reader.read(record);
        if (read instanceof JsonArticleReader.Read.Ok ok) {
            return new Parsed.Article(ok.candidate());
        }
        return new Parsed.Bad(((JsonArticleReader.Read.Bad) read).reason());
    }

    @Override
    public String unit() {
        return "lines";
    }
}

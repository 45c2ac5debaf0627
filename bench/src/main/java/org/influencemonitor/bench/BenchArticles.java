package org.influencemonitor.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.influencemonitor.processor.tagging.TaggerEvaluation;

/**
 * Realistic ~4 KB articles: the real FakeNewsNet texts read in place from shared/corpus (found by
 * walking up from the working directory, or {@code -Dbench.corpus=FILE}), cut to about 4,000 chars
 * at a word boundary; without the corpus, the bundled evaluation set glued into 4 KB chunks.
 */
final class BenchArticles {
    static final int TARGET_CHARS = 4000;

    record Article(String title, String text) {
        int utf8Bytes() {
            return (title + "\n\n" + text).getBytes(StandardCharsets.UTF_8).length;
        }
    }

    private BenchArticles() {
    }

    static List<Article> load(int max) {
        Path corpus = locate();
        List<Article> out = corpus != null ? fromCorpus(corpus, max) : List.of();
        return out.isEmpty() ? fromEvalSet(max) : out;
    }

    static String describeSource() {
        Path corpus = locate();
        return corpus != null ? corpus.toString() : "bundled evaluation set (corpus not found)";
    }

    private static Path locate() {
        String prop = System.getProperty("bench.corpus");
        if (prop != null) {
            return Files.isRegularFile(Path.of(prop)) ? Path.of(prop) : null;
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path f = dir.resolve("shared/corpus/fakenewsnet-2016.jsonl");
            if (Files.isRegularFile(f)) {
                return f;
            }
            dir = dir.getParent();
        }
        return null;
    }

    private static List<Article> fromCorpus(Path file, int max) {
        ObjectMapper json = new ObjectMapper();
        List<Article> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null && out.size() < max) {
                JsonNode a = json.readTree(line);
                String text = a.path("text").asText("");
                if (text.length() >= TARGET_CHARS * 3 / 4) {
                    out.add(new Article(a.path("title").asText(""), cut(text)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static List<Article> fromEvalSet(int max) {
        List<Article> out = new ArrayList<>();
        StringBuilder b = new StringBuilder();
        String title = null;
        for (TaggerEvaluation.Article a : TaggerEvaluation.bundledSet()) {
            if (title == null) {
                title = a.title();
            }
            b.append(a.title()).append(". ").append(a.text()).append("\n\n");
            if (b.length() >= TARGET_CHARS) {
                out.add(new Article(title, cut(b.toString())));
                b.setLength(0);
                title = null;
                if (out.size() >= max) {
                    break;
                }
            }
        }
        return out;
    }

    private static String cut(String text) {
        if (text.length() <= TARGET_CHARS) {
            return text;
        }
        int end = text.lastIndexOf(' ', TARGET_CHARS);
        return text.substring(0, end > 0 ? end : TARGET_CHARS);
    }
}

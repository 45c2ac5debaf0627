package org.influencemonitor.app.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.influencemonitor.model.Json;

/**
 * The texts the bench sends: real articles from the FakeNewsNet corpus, read in place at run time (its
 * texts must never be copied into this repository), cut at a word boundary to about 3.5 KB, a realistic
 * news article; without the corpus, generated election-news text of the same size, and the report says so.
 */
final class ArticleBodies {
    static final int TARGET_CHARS = 3_500;
    private static final int MIN_CHARS = TARGET_CHARS * 3 / 4;

    /** One article's content; {@code url} is the original link, to which each copy adds its own path. */
    record Body(String url, String source, String title, String text) {
        /** The URL of copy {@code suffix}: the path gets {@code /suffix}, so every copy has its own id. */
        String copyUrl(String suffix) {
            try {
                URI uri = new URI(url);
                String path = uri.getPath() == null ? "" : uri.getPath().replaceAll("/+$", "");
                return new URI(uri.getScheme(), uri.getAuthority(), path + "/" + suffix, uri.getQuery(), null).toString();
            } catch (URISyntaxException | RuntimeException e) {
                return "https://bench.invalid/article/" + suffix;
            }
        }
    }

    private final List<Body> bodies;
    private final String description;
    private final boolean real;

    private ArticleBodies(List<Body> bodies, String description, boolean real) {
        this.bodies = List.copyOf(bodies);
        this.description = description;
        this.real = real;
    }

    /** The corpus at {@code corpus} if it is there and has long enough articles, generated text otherwise. */
    static ArticleBodies load(Path corpus) {
        if (corpus != null && Files.isReadable(corpus)) {
            List<Body> real = readCorpus(corpus);
            if (!real.isEmpty()) {
                return new ArticleBodies(real, real.size() + " real articles of at least " + MIN_CHARS
                        + " chars from " + corpus + ", cut to about " + TARGET_CHARS + " chars", true);
            }
        }
        return new ArticleBodies(generated(64), "generated text (the corpus " + corpus
                + " was not found): 64 synthetic election articles of about " + TARGET_CHARS + " chars", false);
    }

    Body get(long i) {
        return bodies.get((int) (i % bodies.size()));
    }

    int size() {
        return bodies.size();
    }

    List<Body> all() {
        return bodies;
    }

    String description() {
        return description;
    }

    boolean real() {
        return real;
    }

    private static List<Body> readCorpus(Path file) {
        List<Body> out = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode a = Json.mapper().readTree(line);
                String text = a.path("text").asText("");
                String url = a.path("url").asText("");
                if (text.length() >= MIN_CHARS && !url.isBlank()) {
                    out.add(new Body(url, a.path("source").asText("corpus"), a.path("title").asText(""), cut(text)));
                }
            }
        } catch (IOException e) {
            throw new BenchFailure("cannot read the corpus " + file + ": " + e.getMessage(), e);
        }
        return out;
    }

    static String cut(String text) {
        if (text.length() <= TARGET_CHARS) {
            return text;
        }
        int space = text.lastIndexOf(' ', TARGET_CHARS);
        return text.substring(0, space > TARGET_CHARS / 2 ? space : TARGET_CHARS);
    }

    /** Seeded, so two runs without the corpus send the same text. */
    private static List<Body> generated(int count) {
        String[] places = {"Ohio", "Florida", "Pennsylvania", "Michigan", "Wisconsin", "Arizona", "Nevada", "Georgia"};
        String[] sentences = {
                "Voters in %s lined up before dawn as polling stations opened across the state.",
                "Election officials in %s said turnout was higher than in the last presidential election.",
                "The campaign accused its rivals of spreading false claims about the ballot count in %s.",
                "Observers reported long queues but no irregularities at precincts in %s.",
                "Both candidates held rallies in %s in the final days before the vote.",
                "Analysts said the result in %s could decide the presidential election.",
                "Local newspapers in %s published guides on how to register and where to vote.",
                "A spokesman for the secretary of state of %s urged voters to check their registration."};
        SplittableRandom random = new SplittableRandom(2016);
        List<Body> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String place = places[random.nextInt(places.length)];
            StringBuilder text = new StringBuilder();
            while (text.length() < TARGET_CHARS) {
                text.append(String.format(sentences[random.nextInt(sentences.length)], place)).append(' ');
            }
            out.add(new Body("https://bench.invalid/generated/" + i, "bench-generated",
                    "Election day in " + place + ": what to watch", cut(text.toString().strip())));
        }
        return out;
    }
}

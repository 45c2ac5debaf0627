package org.influencemonitor.processor.tagging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.influencemonitor.model.Tags;
import org.junit.jupiter.api.Test;

/**
 * Tags every article of the shared FakeNewsNet 2016 corpus (read in place from shared/corpus,
 * never copied into the project) and checks that nothing throws and every match is well formed.
 */
class RealCorpusTest {

    static Path findCorpus(String name) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("shared").resolve("corpus");
            if (Files.isDirectory(candidate)) {
                return candidate.resolve(name);
            }
            dir = dir.getParent();
        }
        return null;
    }

    @Test
    void everyArticleOfTheFakeNewsNetCorpusIsTagged() throws Exception {
        Path corpus = findCorpus("fakenewsnet-2016.jsonl");
        assumeTrue(corpus != null && Files.isRegularFile(corpus), "shared/corpus/fakenewsnet-2016.jsonl not found");
        ObjectMapper json = new ObjectMapper();
        Tagger tagger = Tagger.defaults();
        int articles = 0;
        int withUs = 0;
        try (BufferedReader r = Files.newBufferedReader(corpus, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode a = json.readTree(line);
                String title = a.path("title").isNull() ? null : a.path("title").asText(null);
                String text = a.path("text").isNull() ? null : a.path("text").asText(null);
                Tags tags = tagger.tag(title, text);
                String doc = (title == null ? "" : title) + "\n\n" + (text == null ? "" : text);
                for (Tags.Match m : tags.matches()) {
                    assertEquals(doc.substring(m.start(), m.end()), m.text(), a.path("id").asText());
                }
                tagger.sourceActor(a.path("url").asText(null), a.path("source").asText(null));
                if (tags.countries().stream().anyMatch(c -> c.code().equals("US"))) {
                    withUs++;
                }
                articles++;
            }
        }
        assertEquals(422, articles);
        // a US-politics corpus: most articles must name the US (or a state)
        assertTrue(withUs > articles / 2, "articles tagged US: " + withUs);
    }
}

package org.influencemonitor.processor.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.influencemonitor.model.Json;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's bundle is committed (so that the build needs no npm); this test fails when it is older
 * than its sources: build.mjs records a digest of every input, computed here the same way.
 */
class DashboardBundleTest {
    private static final Path SOURCES = Path.of("src", "main", "dashboard");
    private static final Path BUNDLE = Path.of("src", "main", "resources", "dashboard");

    @Test
    void theCommittedBundleIsBuiltFromTheCommittedSources() throws Exception {
        JsonNode info = Json.mapper().readTree(BUNDLE.resolve("build-info.json").toFile());
        assertEquals(digest(), info.path("sources").asText(),
                "the dashboard bundle is stale: run `npm ci && npm run build` in processor/src/main/dashboard and commit "
                        + "processor/src/main/resources/dashboard");
    }

    @Test
    void thePageRunsNoInlineScript() throws IOException {
        String html = Files.readString(BUNDLE.resolve("index.html"));
        Matcher scripts = Pattern.compile("<script([^>]*)>(.*?)</script>", Pattern.DOTALL).matcher(html);
        int found = 0;
        while (scripts.find()) {
            found++;
            assertTrue(scripts.group(1).contains("src=\"/"), "every script is a file of this origin: " + scripts.group());
            assertTrue(scripts.group(2).isBlank(), "no inline script: " + scripts.group());
        }
        assertEquals(1, found);
        assertFalse(Pattern.compile("\\son[a-z]+=", Pattern.CASE_INSENSITIVE).matcher(html).find(), "no inline handlers");
        String js = Files.readString(BUNDLE.resolve("dashboard.js"));
        assertFalse(js.contains("innerHTML") || js.contains("insertAdjacentHTML") || js.contains("document.write"),
                "the bundle builds the page from elements and text, never from markup strings");
    }

    static String digest() throws Exception {
        List<String> files = new ArrayList<>(List.of("build.mjs", "package.json", "package-lock.json"));
        try (Stream<Path> src = Files.list(SOURCES.resolve("src"))) {
            src.map(p -> "src/" + p.getFileName()).sorted().forEach(files::add);
        }
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (String f : files) {
            sha.update((f + "\n").getBytes(StandardCharsets.UTF_8));
            sha.update(Files.readString(SOURCES.resolve(f), StandardCharsets.UTF_8).replace("\r\n", "\n")
                    .getBytes(StandardCharsets.UTF_8));
            sha.update("\n".getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}

package org.influencemonitor.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * No Docker engine runs where this project is built, so the image build cannot be tried; what can be
 * checked is that the Dockerfile copies what the Maven reactor needs: every module's pom (Maven refuses
 * a reactor with a missing module), the sources of the modules the jar is built from, and the samples.
 */
class DockerfileTest {
    @Test
    void theDockerfileCopiesEveryModulePomTheSourcesOfTheJarsModulesAndTheSamples() throws IOException {
        Path root = repositoryRoot();
        String dockerfile = Files.readString(root.resolve("Dockerfile"));
        String pom = Files.readString(root.resolve("pom.xml"));
        List<String> modules = new ArrayList<>();
        Matcher m = Pattern.compile("<module>([^<]+)</module>").matcher(pom);
        while (m.find()) {
            modules.add(m.group(1));
        }
        assertTrue(modules.contains("app"), modules.toString());
        for (String module : modules) {
            assertTrue(dockerfile.contains("COPY " + module + "/pom.xml " + module + "/"),
                    "the Dockerfile must copy " + module + "/pom.xml, or Maven refuses the reactor");
        }
        for (String module : List.of("model", "language", "http", "ingest", "processor", "sink", "app")) {
            assertTrue(dockerfile.contains("COPY " + module + "/src " + module + "/src"), module + "/src is not copied");
        }
        assertTrue(dockerfile.contains("COPY samples/articles.jsonl samples/"), "the demo's samples are not copied");
        assertTrue(dockerfile.contains("-pl app -am"), "the image builds the application jar, not the benchmarks");
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("Dockerfile"))) {
            dir = dir.getParent();
        }
        assertTrue(dir != null, "no Dockerfile above " + Path.of("").toAbsolutePath());
        return dir;
    }
}

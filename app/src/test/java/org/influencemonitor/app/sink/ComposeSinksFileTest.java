package org.influencemonitor.app.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.influencemonitor.app.SinkCommand;
import org.junit.jupiter.api.Test;

/** docker/sinks.yaml, which docker-compose's sink-alerting reads, is a valid config that names compose's services. */
class ComposeSinksFileTest {
    @Test
    void theComposeSinksFileParsesAndPointsAtTheComposeServices() throws Exception {
        Path root = Path.of("").toAbsolutePath();
        while (!root.resolve("docker-compose.yml").toFile().isFile()) {
            root = root.getParent();
        }
        List<ChannelPlan> plans = SinksFile.read(root.resolve("docker/sinks.yaml"), SinkCommand.CHANNELS);
        assertEquals(List.of("postgres", "alertmanager"), plans.stream().map(p -> p.settings().channel()).toList());
        String yaml = java.nio.file.Files.readString(root.resolve("docker/sinks.yaml"));
        String compose = java.nio.file.Files.readString(root.resolve("docker-compose.yml"));
        assertTrue(yaml.contains("//postgres:5432/monitor") && compose.contains("POSTGRES_DB: monitor"));
        assertTrue(yaml.contains("http://alertmanager:9093") && compose.contains("\n  alertmanager:\n"));
    }
}

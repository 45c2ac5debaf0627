package org.influencemonitor.processor;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The state a SIGKILL left in the fault suite's {@code sigkill-window} run: a window store segment whose
 * {@code CURRENT} names a {@code MANIFEST} that is not there. Its task's directory goes; a task whose
 * stores are whole stays.
 */
class BrokenLocalStateTest {
    @TempDir
    Path stateDir;

    @Test
    void aTaskWithAStoreWhoseManifestIsMissingIsDiscardedAndAWholeOneKept() throws Exception {
        Path broken = stateDir.resolve("chaos/0_1/article-windows/article-windows.1785721950000");
        Files.createDirectories(broken);
        Files.writeString(broken.resolve("CURRENT"), "MANIFEST-000005\n");
        Files.writeString(broken.resolve("000010.sst"), "x");
        Path whole = stateDir.resolve("chaos/0_0/country-rules/rocksdb/country-rules");
        Files.createDirectories(whole);
        Files.writeString(whole.resolve("CURRENT"), "MANIFEST-000003\n");
        Files.writeString(whole.resolve("MANIFEST-000003"), "m");
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "chaos");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());

        BrokenLocalState.discard(props);

        assertFalse(Files.exists(stateDir.resolve("chaos/0_1")), "the broken task's state is gone");
        assertTrue(Files.exists(whole.resolve("MANIFEST-000003")), "the whole task's state is kept");
    }
}

package org.influencemonitor.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.influencemonitor.sink.testing.TestAlerts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file channel's promise: every event once, whole lines only, across crashes and rotations. */
class JsonLinesFileChannelTest {
    @TempDir
    Path dir;

    private static List<DeliveredAlert> events(int incident, int count) {
        return java.util.stream.IntStream.range(0, count)
                .mapToObj(u -> TestAlerts.delivered(TestAlerts.firing(incident, u), 0, u)).toList();
    }

    @Test
    void aBatchDeliveredAgainAfterARestartIsNotWrittenTwice() throws Exception {
        Path file = dir.resolve("alerts.jsonl");
        List<DeliveredAlert> batch = events(1, 3);
        try (JsonLinesFileChannel channel = new JsonLinesFileChannel(file)) {
            channel.deliver(batch);
        }
        try (JsonLinesFileChannel restarted = new JsonLinesFileChannel(file)) {
            restarted.deliver(batch);
            restarted.deliver(events(2, 1));
        }
        List<String> lines = Files.readAllLines(file);
        assertEquals(4, lines.size());
        assertEquals(new String(batch.get(0).json(), StandardCharsets.UTF_8), lines.get(0), "exactly the topic's JSON");
    }

    @Test
    void anIncompleteLastLineFromACrashIsCutAndItsEventWrittenWhole() throws Exception {
        Path file = dir.resolve("alerts.jsonl");
        List<DeliveredAlert> batch = events(3, 2);
        try (JsonLinesFileChannel channel = new JsonLinesFileChannel(file)) {
            channel.deliver(batch.subList(0, 1));
        }
        byte[] second = batch.get(1).json();
        Files.write(file, java.util.Arrays.copyOf(second, second.length / 2), StandardOpenOption.APPEND);
        try (JsonLinesFileChannel restarted = new JsonLinesFileChannel(file)) {
            restarted.deliver(batch);
        }
        List<String> lines = Files.readAllLines(file);
        assertEquals(2, lines.size(), lines.toString());
        assertEquals(new String(second, StandardCharsets.UTF_8), lines.get(1));
    }

    @Test
    void rotatesBySizeAndRemembersTheRotatedFile() throws Exception {
        Path file = dir.resolve("alerts.jsonl");
        List<DeliveredAlert> batch = events(4, 3);
        long oneLine = batch.get(0).json().length + 1L;
        FileRotation rotation = new FileRotation(oneLine * 2, false);
        try (JsonLinesFileChannel channel = new JsonLinesFileChannel(file, rotation, Clock.systemUTC())) {
            channel.deliver(batch.subList(0, 2));
            channel.deliver(batch.subList(2, 3));
        }
        try (var files = Files.list(dir)) {
            List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
            String today = java.time.LocalDate.now(ZoneOffset.UTC).toString();
            assertEquals(List.of("alerts." + today + ".1.jsonl", "alerts.jsonl"), names);
        }
        try (JsonLinesFileChannel restarted = new JsonLinesFileChannel(file, rotation, Clock.systemUTC())) {
            restarted.deliver(batch);
        }
        assertEquals(1, Files.readAllLines(file).size(), "the rotated file's events are known after a restart");
    }

    @Test
    void rotatesAtTheFirstWriteOfANewDay() throws Exception {
        Path file = dir.resolve("alerts.jsonl");
        try (JsonLinesFileChannel channel = new JsonLinesFileChannel(file, new FileRotation(0, true), Clock.systemUTC())) {
            channel.deliver(events(5, 1));
        }
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2024-10-17T23:59:00Z")));
        try (JsonLinesFileChannel channel = new JsonLinesFileChannel(file, new FileRotation(0, true), Clock.systemUTC())) {
            channel.deliver(events(6, 1));
        }
        assertTrue(Files.exists(dir.resolve("alerts.2024-10-17.1.jsonl")));
        assertEquals(1, Files.readAllLines(file).size());
    }
}

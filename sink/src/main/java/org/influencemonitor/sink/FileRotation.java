package org.influencemonitor.sink;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

/**
 * When the alert file is renamed aside and a new one started: once it would grow past {@code maxBytes}
 * (0: never), and/or at the first write of a new UTC day. {@code alerts.jsonl} becomes
 * {@code alerts.2024-10-18.1.jsonl} (the day of its last write, then a counter), so rotated files sort by
 * name and a shipper's glob {@code alerts*.jsonl} picks them all up.
 */
public record FileRotation(long maxBytes, boolean daily) {
    public static final FileRotation NEVER = new FileRotation(0, false);
    private static final Pattern ROTATED = Pattern.compile("\\.(\\d{4}-\\d{2}-\\d{2})\\.(\\d+)$");

    public FileRotation {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("rotation size must not be negative, got " + maxBytes);
        }
    }

    boolean isDue(Path path, long size, long adding, Clock clock) throws IOException {
        if (size == 0) {
            return false;
        }
        if (maxBytes > 0 && size + adding > maxBytes) {
            return true;
        }
        return daily && lastWriteDay(path).isBefore(LocalDate.now(clock.withZone(ZoneOffset.UTC)));
    }

    /** Renames the file aside and returns its new name. */
    Path rotate(Path path) throws IOException {
        String day = lastWriteDay(path).toString();
        Name name = Name.of(path);
        for (int n = 1; ; n++) {
            Path target = path.resolveSibling(name.stem() + "." + day + "." + n + name.extension());
            if (!Files.exists(target)) {
                return Files.move(path, target, StandardCopyOption.ATOMIC_MOVE);
            }
        }
    }

    /** The most recently rotated file beside {@code path}, if any. */
    Optional<Path> newestRotated(Path path) throws IOException {
        Path dir = path.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            return Optional.empty();
        }
        Name name = Name.of(path);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, name.stem() + ".*" + name.extension())) {
            return StreamSupport.stream(files.spliterator(), false)
                    .filter(p -> rotatedOrder(p, name) != null)
                    .max(Comparator.comparing(p -> rotatedOrder(p, name)));
        }
    }

    private static String rotatedOrder(Path p, Name name) {
        String file = p.getFileName().toString();
        if (!file.startsWith(name.stem() + ".") || !file.endsWith(name.extension())) {
            return null;
        }
        Matcher m = ROTATED.matcher(file.substring(0, file.length() - name.extension().length()));
        return m.find() ? m.group(1) + String.format("%09d", Long.parseLong(m.group(2))) : null;
    }

    private static LocalDate lastWriteDay(Path path) throws IOException {
        FileTime modified = Files.getLastModifiedTime(path);
        return LocalDate.ofInstant(modified.toInstant(), ZoneOffset.UTC);
    }

    private record Name(String stem, String extension) {
        static Name of(Path path) {
            String file = path.getFileName().toString();
            int dot = file.lastIndexOf('.');
            return dot <= 0 ? new Name(file, "") : new Name(file.substring(0, dot), file.substring(dot));
        }
    }
}

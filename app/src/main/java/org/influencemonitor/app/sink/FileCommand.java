package org.influencemonitor.app.sink;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import org.influencemonitor.app.UserError;
import org.influencemonitor.sink.AlertChannel;
import org.influencemonitor.sink.FileRotation;
import org.influencemonitor.sink.JsonLinesFileChannel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code monitor sink file}: JSON Lines, one alert a line, exactly as on the topic. */
@Command(name = "file", description = {"Append every alert as one JSON line to a file, until Ctrl-C.",
        "Each event is written once, also after a crash; --rotate-size and --rotate-daily rename full files aside."},
        footer = {"", "Examples:", "  ./monitor sink file --path alerts.jsonl --bootstrap-servers localhost:9092",
                "  ./monitor sink file --path /var/log/monitor/alerts.jsonl --rotate-size 100MB --rotate-daily"})
public class FileCommand extends ChannelCommand {
    @Option(names = "--path", required = true, paramLabel = "FILE", description = "The JSON Lines file to append to.")
    Path path;

    @Option(names = "--rotate-size", paramLabel = "SIZE", converter = SizeConverter.class,
            description = "Start a new file before this one grows past SIZE (e.g. 100MB, 1GB); rotated files are "
                    + "named FILE-STEM.DAY.N.EXT.")
    Long rotateSize;

    @Option(names = "--rotate-daily", description = "Start a new file at the first alert of each UTC day.")
    boolean rotateDaily;

    @Override
    String type() {
        return "file";
    }

    @Override
    AlertChannel open() {
        try {
            return new JsonLinesFileChannel(path, new FileRotation(rotateSize == null ? 0 : rotateSize, rotateDaily),
                    Clock.systemUTC());
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new UserError("cannot write " + path + ": " + e.getMessage());
        }
    }
}

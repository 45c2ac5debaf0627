package org.influencemonitor.ingest.gdelt;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/** A GDELT file by path or by http(s) URL, as a stream; a missing file or an HTTP error is an IOException. */
public final class GdeltInput {
    private static final Duration DOWNLOAD_TIMEOUT = Duration.ofMinutes(5);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    private GdeltInput() {
    }

    public static boolean isUrl(String location) {
        String lower = location.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://");
    }

    public static InputStream open(String location) throws IOException {
        if (!isUrl(location)) {
            try {
                return Files.newInputStream(Path.of(location));
            } catch (NoSuchFileException e) {
                throw new IOException("no such file: " + location, e);
            }
        }
        try {
            HttpResponse<InputStream> response = HTTP.send(HttpRequest.newBuilder(URI.create(location)).timeout(DOWNLOAD_TIMEOUT)
                    .header("User-Agent", "influence-monitor ingest gdelt").GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                response.body().close();
                throw new IOException("HTTP " + response.statusCode() + " for " + location);
            }
            return response.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while fetching " + location, e);
        } catch (IllegalArgumentException e) {
            throw new IOException("not a URL: " + location, e);
        }
    }
}

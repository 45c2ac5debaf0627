package org.influencemonitor.ingest.rss;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * One conditional GET of a feed with the JDK's HTTP client: {@code If-None-Match} and
 * {@code If-Modified-Since} from the feed's last answer, so an unchanged feed costs a 304 and no parsing.
 * Bodies are read up to {@link #MAX_FEED_BYTES}; a larger one is an error, not a memory problem.
 */
public final class FeedFetcher {
    public static final int MAX_FEED_BYTES = 10 * 1024 * 1024;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    /** What a fetch got. */
    public sealed interface Fetched permits Fetched.NotModified, Fetched.Body, Fetched.Failed {
        record NotModified() implements Fetched {
        }

        record Body(byte[] bytes, String contentType, String etag, String lastModified) implements Fetched {
        }

        /** @param retryAfter what the server asked for with {@code Retry-After}, if anything */
        record Failed(String reason, Optional<Duration> retryAfter) implements Fetched {
        }
    }

    public Fetched fetch(FeedSpec feed, FeedState state) {
        HttpRequest.Builder request = HttpRequest.newBuilder(feed.url()).timeout(REQUEST_TIMEOUT)
                .header("User-Agent", "influence-monitor ingest rss")
                .header("Accept", "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1");
        if (state.etag() != null) {
            request.header("If-None-Match", state.etag());
        }
        if (state.lastModified() != null) {
            request.header("If-Modified-Since", state.lastModified());
        }
        HttpResponse<InputStream> response;
        try {
            response = client.send(request.GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            return new Fetched.Failed("cannot fetch: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()), Optional.empty());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Fetched.Failed("interrupted", Optional.empty());
        }
        try (InputStream body = response.body()) {
            int status = response.statusCode();
            if (status == 304) {
                return new Fetched.NotModified();
            }
            if (status != 200) {
                return new Fetched.Failed("HTTP " + status, retryAfter(response));
            }
            byte[] bytes = body.readNBytes(MAX_FEED_BYTES + 1);
            if (bytes.length > MAX_FEED_BYTES) {
                return new Fetched.Failed("the feed is larger than " + MAX_FEED_BYTES + " bytes", Optional.empty());
            }
            return new Fetched.Body(bytes, response.headers().firstValue("Content-Type").orElse(null),
                    response.headers().firstValue("ETag").orElse(null),
                    response.headers().firstValue("Last-Modified").orElse(null));
        } catch (IOException e) {
            return new Fetched.Failed("cannot read the answer: " + e.getMessage(), Optional.empty());
        }
    }

    private static Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(value -> {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(value.strip())));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }
}

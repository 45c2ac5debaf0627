package org.influencemonitor.sink.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.influencemonitor.sink.DeliveryException;

/**
 * POSTs for the HTTP channels, and what a response means for delivery: 2xx is delivered; a redirect is a
 * failure (never followed: the sink must not send an alert, or a signature, somewhere it was not told
 * to); 410 disables the channel; 429, 502, 503 and 504 are retried no sooner than their
 * {@code Retry-After}; 400, 413 and 422 say the payload itself is refused, so retrying it cannot help;
 * anything else, timeouts and refused connections included, is retried with backoff.
 *
 * <p>Every message names the destination by {@code target}, never by its URL, and has the given secrets
 * blanked out, because messages end up in logs and dead-letter headers.
 */
public final class HttpPoster {
    private static final int SNIPPET = 200;
    private final HttpClient client;
    private final Duration timeout;
    private final String target;
    private final List<String> secrets;

    public HttpPoster(Duration timeout, String target, List<String> secrets) {
        this.client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(timeout)
                .build();
        this.timeout = timeout;
        this.target = target;
        this.secrets = secrets.stream().filter(s -> s != null && !s.isEmpty()).toList();
    }

    /** Sends the request; returns the 2xx response or throws what the failure means. */
    public HttpResponse<String> post(URI uri, byte[] body, Map<String, String> headers)
            throws DeliveryException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "influence-monitor-sink")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw DeliveryException.retryable("no answer from " + target + " within " + timeout.toMillis() + " ms");
        } catch (IOException e) {
            throw DeliveryException.retryable("cannot reach " + target + ": " + scrub(describe(e)));
        }
        return check(response);
    }

    private HttpResponse<String> check(HttpResponse<String> response) throws DeliveryException {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return response;
        }
        String what = "HTTP " + status + " from " + target + snippet(response.body());
        if (status == 410) {
            throw DeliveryException.disabled(what + " (410 Gone: the endpoint asked not to be called again)");
        }
        if (status >= 300 && status < 400) {
            throw DeliveryException.retryable(what + " (redirects are not followed)");
        }
        if (status == 429 || status == 502 || status == 503 || status == 504) {
            Optional<Duration> after = response.headers().firstValue("Retry-After")
                    .flatMap(v -> retryAfter(v, Instant.now()));
            if (after.isPresent()) {
                throw DeliveryException.retryAfter(what + " (Retry-After " + after.get().toSeconds() + " s)", after.get());
            }
            throw DeliveryException.retryable(what);
        }
        if (status == 400 || status == 413 || status == 422) {
            throw DeliveryException.permanent(what);
        }
        throw DeliveryException.retryable(what);
    }

    /** {@code Retry-After} is either a number of seconds or an HTTP date. */
    public static Optional<Duration> retryAfter(String value, Instant now) {
        String v = value.trim();
        try {
            long seconds = Long.parseLong(v);
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration d = Duration.between(now, ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return Optional.of(d.isNegative() ? Duration.ZERO : d);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }

    private String snippet(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String line = scrub(body).replaceAll("\\s+", " ").trim();
        return ": " + (line.length() > SNIPPET ? line.substring(0, SNIPPET) + "…" : line);
    }

    private static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + " " + e.getMessage();
    }

    private String scrub(String text) {
        String out = text;
        for (String secret : secrets) {
            out = out.replace(secret, "***");
        }
        return out;
    }
}

package org.influencemonitor.sink.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.influencemonitor.model.Alert;
import org.influencemonitor.model.Json;
import org.influencemonitor.sink.DeliveredAlert;
import org.influencemonitor.sink.DeliveryException;
import org.influencemonitor.sink.testing.TestAlerts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Slack channel against a real HTTP server playing Slack's incoming webhook. */
class SlackChannelTest {
    private HttpServer server;
    private final List<JsonNode> messages = new CopyOnWriteArrayList<>();
    private final List<Instant> arrivals = new CopyOnWriteArrayList<>();
    private final AtomicInteger tooManyFirst = new AtomicInteger();
    private URI webhook;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/services/T0/B0/SECRETTOKEN", exchange -> {
            try (exchange) {
                byte[] body = exchange.getRequestBody().readAllBytes();
                if (tooManyFirst.getAndDecrement() > 0) {
                    exchange.getResponseHeaders().add("Retry-After", "3");
                    exchange.sendResponseHeaders(429, -1);
                    return;
                }
                messages.add(Json.mapper().readTree(body));
                arrivals.add(Instant.now());
                byte[] ok = "ok".getBytes();
                exchange.sendResponseHeaders(200, ok.length);
                exchange.getResponseBody().write(ok);
            }
        });
        server.start();
        webhook = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/services/T0/B0/SECRETTOKEN");
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void alertsThatArriveTogetherShareAMessageAndMessagesAreASecondApart() throws Exception {
        SlackChannel channel = new SlackChannel(webhook, "Slack webhook from test", Duration.ofSeconds(5));
        List<DeliveredAlert> batch = new ArrayList<>();
        for (int i = 0; i < SlackMessage.MAX_ALERTS + 2; i++) {
            batch.add(TestAlerts.delivered(TestAlerts.firing(i, 0), 0, i));
        }
        channel.deliver(batch);
        assertEquals(2, messages.size(), "11 alerts: a full message and one more");
        assertTrue(messages.get(0).path("text").asText().startsWith(SlackMessage.MAX_ALERTS + " alerts"));
        assertTrue(Duration.between(arrivals.get(0), arrivals.get(1)).toMillis() >= 990,
                "Slack allows one message per second per webhook");
        channel.deliver(batch);
        assertEquals(2, messages.size(), "a batch read again is not posted again");
    }

    @Test
    void rateLimitedIsRetryableAfterSlacksDelayAndNeverShowsTheUrl() {
        tooManyFirst.set(1);
        SlackChannel channel = new SlackChannel(webhook, "Slack webhook from slack.url", Duration.ofSeconds(5));
        DeliveryException e = assertThrows(DeliveryException.class,
                () -> channel.deliver(List.of(TestAlerts.delivered(TestAlerts.firing(1, 0), 0, 0))));
        assertEquals(Duration.ofSeconds(3), e.retryAfter().orElseThrow());
        assertTrue(e.getMessage().contains("Slack webhook from slack.url"), e.getMessage());
        assertFalse(e.getMessage().contains("SECRETTOKEN"), e.getMessage());
        assertEquals(List.of(), messages);
    }

    @Test
    void unreachableNeverShowsTheUrlEither() throws Exception {
        URI nowhere;
        try (java.net.ServerSocket closed = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            nowhere = URI.create("http://127.0.0.1:" + closed.getLocalPort() + "/services/T0/B0/SECRETTOKEN");
        }
        SlackChannel channel = new SlackChannel(nowhere, "Slack webhook from slack.url", Duration.ofSeconds(2));
        DeliveryException e = assertThrows(DeliveryException.class,
                () -> channel.deliver(List.of(TestAlerts.delivered(TestAlerts.firing(1, 0), 0, 0))));
        assertEquals(DeliveryException.Kind.RETRYABLE, e.kind());
        assertTrue(e.getMessage().startsWith("cannot reach Slack webhook from slack.url"), e.getMessage());
        assertFalse(e.getMessage().contains("SECRETTOKEN"), e.getMessage());
    }

    @Test
    void aMessageReadsWithoutBlocksAsMattermostShowsIt() throws Exception {
        SlackChannel channel = new SlackChannel(webhook, "Slack webhook from test", Duration.ofSeconds(5));
        Alert alert = TestAlerts.event(7, 2, Alert.Status.RESOLVED, Alert.Severity.CRITICAL);
        channel.deliver(List.of(TestAlerts.delivered(alert, 0, 0)));
        String text = messages.get(0).path("text").asText();
        assertTrue(text.contains("CRITICAL MD narrative (resolved)"), text);
        assertTrue(text.contains("<https://news.example/md/7|"), text);
        assertTrue(text.contains("12 vs 0.7 expected"), text);
    }
}

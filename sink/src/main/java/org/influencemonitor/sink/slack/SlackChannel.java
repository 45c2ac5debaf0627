package org.influencemonitor.sink.slack;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.influencemonitor.model.Alert;
import org.influencemonitor.model.Json;
import org.influencemonitor.sink.AlertChannel;
import org.influencemonitor.sink.DeliveredAlert;
import org.influencemonitor.sink.DeliveryException;
import org.influencemonitor.sink.EventKey;
import org.influencemonitor.sink.RecentKeys;
import org.influencemonitor.sink.http.HttpPoster;

/**
 * Posts alerts to a Slack (or Mattermost) incoming webhook: the alerts of one batch in one message (up to
 * {@link SlackMessage#MAX_ALERTS} each), and never more than one message per second, which is Slack's
 * limit per webhook. The webhook URL is a credential: it appears in no log line or error, which name it
 * as {@code description} (e.g. the file it was read from).
 *
 * <p>Slack offers no idempotency key, so this channel deduplicates on its own memory of what it posted: a
 * batch retried after a partial success, or read again after a rebalance, skips the messages that went
 * out. A crash between a post and the offset commit can show that last message twice.
 */
public final class SlackChannel implements AlertChannel {
    static final Duration MIN_INTERVAL = Duration.ofSeconds(1);
    private final URI webhook;
    private final String description;
    private final HttpPoster http;
    private final RecentKeys sent = new RecentKeys();
    private long nextPostNanos = System.nanoTime();

    public SlackChannel(URI webhook, String description, Duration timeout) {
        this.webhook = webhook;
        this.description = description;
        this.http = new HttpPoster(timeout, description, List.of(webhook.toString(), webhook.getRawPath()));
    }

    @Override
    public void deliver(List<DeliveredAlert> batch) throws DeliveryException, InterruptedException {
        List<DeliveredAlert> fresh = batch.stream().filter(a -> !sent.contains(a.key())).toList();
        for (int from = 0; from < fresh.size(); from += SlackMessage.MAX_ALERTS) {
            List<DeliveredAlert> part = fresh.subList(from, Math.min(fresh.size(), from + SlackMessage.MAX_ALERTS));
            List<Alert> alerts = new ArrayList<>();
            part.forEach(a -> alerts.add(a.alert()));
            byte[] body;
            try {
                body = Json.mapper().writeValueAsBytes(SlackMessage.of(alerts));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw DeliveryException.permanent("cannot write the Slack message: " + e.getOriginalMessage(), e);
            }
            waitForRateLimit();
            try {
                http.post(webhook, body, Map.of());
            } finally {
                nextPostNanos = System.nanoTime() + MIN_INTERVAL.toNanos();
            }
            part.stream().map(DeliveredAlert::key).forEach(sent::add);
        }
    }

    private void waitForRateLimit() throws InterruptedException {
        long wait = nextPostNanos - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }

    /** For tests: whether an event went out. */
    boolean posted(EventKey key) {
        return sent.contains(key);
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public void close() {
    }
}

package org.influencemonitor.sink.webhook;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.influencemonitor.sink.AlertChannel;
import org.influencemonitor.sink.DeliveredAlert;
import org.influencemonitor.sink.DeliveryException;
import org.influencemonitor.sink.EventKey;
import org.influencemonitor.sink.RecentKeys;
import org.influencemonitor.sink.http.HttpPoster;

/**
 * POSTs each alert, exactly the JSON that was on the topic, to one URL, signed per Standard Webhooks.
 * {@code webhook-id} is {@code alert_id:update}: the same on every retry and every redelivery, which is
 * what the specification asks receivers to deduplicate on, so a receiver that does sees each event once.
 */
public final class WebhookChannel implements AlertChannel {
    private final URI url;
    private final WebhookSigner signer;
    private final HttpPoster http;
    private final Clock clock;
    private final RecentKeys sent = new RecentKeys();

    public WebhookChannel(URI url, WebhookSigner signer, Duration timeout, Clock clock) {
        this.url = url;
        this.signer = signer;
        this.clock = clock;
        this.http = new HttpPoster(timeout, describe(url), List.of());
    }

    @Override
    public void deliver(List<DeliveredAlert> batch) throws DeliveryException, InterruptedException {
        for (DeliveredAlert alert : batch) {
            EventKey key = alert.key();
            if (sent.contains(key)) {
                continue;
            }
            String id = key.toString();
            long timestamp = clock.instant().getEpochSecond();
            http.post(url, alert.json(), Map.of(
                    "webhook-id", id,
                    "webhook-timestamp", String.valueOf(timestamp),
                    "webhook-signature", signer.sign(id, timestamp, alert.json())));
            sent.add(key);
        }
    }

    @Override
    public String describe() {
        return describe(url);
    }

    /** The URL without credentials or query, which may carry tokens. */
    static String describe(URI url) {
        return url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort())
                + (url.getRawPath() == null ? "" : url.getRawPath());
    }

    @Override
    public void close() {
    }
}

package org.influencemonitor.sink.alertmanager;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.influencemonitor.model.Json;
import org.influencemonitor.sink.DeliveredAlert;
import org.influencemonitor.sink.DeliveryException;
import org.influencemonitor.sink.IncidentHistoryChannel;
import org.influencemonitor.sink.http.HttpPoster;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends incidents to a Prometheus Alertmanager as its own clients do. Alertmanager forgets an alert whose
 * {@code endsAt} has passed, so every open incident is sent again every {@code resendEvery} with
 * {@code endsAt} = now + 4 × {@code resendEvery} (Prometheus' own rhythm), and a resolved incident once
 * more with {@code endsAt} = now, always with the labels it opened with. A sink that stops resending (it
 * crashed, it lost the partition) lets its incidents lapse a few intervals later, which is the truth: no
 * one is watching them any more. The open incidents are rebuilt from the alerts topic at start
 * ({@link IncidentHistoryChannel}). An incident without an event for {@code forgetAfter} is no longer
 * resent.
 */
public final class AlertmanagerChannel implements IncidentHistoryChannel {
    private static final Logger LOG = LoggerFactory.getLogger(AlertmanagerChannel.class);
    private static final int LIFETIME_IN_RESENDS = 4;

    /** Where to send, how often to resend, and extra labels (e.g. {@code team=elections}) for routing. */
    public record Settings(URI url, URI queryApi, Duration resendEvery, Duration forgetAfter,
                           Map<String, String> extraLabels, Duration timeout) {
        public Settings {
            extraLabels = Map.copyOf(extraLabels);
            if (resendEvery.isZero() || resendEvery.isNegative()) {
                throw new IllegalArgumentException("the resend interval must be positive, got " + resendEvery);
            }
        }
    }

    private final Settings settings;
    private final URI endpoint;
    private final HttpPoster http;
    private final OpenIncidents open;
    private Instant nextResend = Instant.MIN;

    public AlertmanagerChannel(Settings settings) {
        this.settings = settings;
        String base = settings.url().toString();
        this.endpoint = URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/api/v2/alerts");
        this.http = new HttpPoster(settings.timeout(), describe(), List.of(String.valueOf(settings.url().getRawUserInfo())));
        this.open = new OpenIncidents(settings.extraLabels());
    }

    @Override
    public void deliver(List<DeliveredAlert> batch) throws DeliveryException, InterruptedException {
        Map<String, DeliveredAlert> latest = new LinkedHashMap<>();
        for (DeliveredAlert event : batch) {
            if (open.isNews(event)) {
                latest.merge(event.alert().alertId(), event, (a, b) -> b.key().update() >= a.key().update() ? b : a);
            }
        }
        if (latest.isEmpty()) {
            return;
        }
        List<OpenIncidents.Incident> incidents = new ArrayList<>();
        latest.values().forEach(e -> incidents.add(open.after(e)));
        post(incidents, Instant.now());
        latest.values().forEach(open::apply);
    }

    @Override
    public void tick(Instant now) throws InterruptedException {
        if (now.isBefore(nextResend)) {
            return;
        }
        nextResend = now.plus(settings.resendEvery());
        List<OpenIncidents.Incident> firing = open.firing(now, settings.forgetAfter());
        if (firing.isEmpty()) {
            return;
        }
        try {
            post(firing, now);
        } catch (DeliveryException e) {
            LOG.warn("{}: could not resend {} open incident(s): {}; trying again in {} s", describe(), firing.size(),
                    e.getMessage(), settings.resendEvery().toSeconds());
        }
    }

    private void post(List<OpenIncidents.Incident> incidents, Instant now) throws DeliveryException, InterruptedException {
        Instant firingUntil = now.plus(settings.resendEvery().multipliedBy(LIFETIME_IN_RESENDS));
        byte[] body;
        try {
            body = Json.mapper().writeValueAsBytes(AlertmanagerPayload.of(incidents, now, firingUntil, settings.queryApi()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw DeliveryException.permanent("cannot write the Alertmanager request: " + e.getOriginalMessage(), e);
        }
        http.post(endpoint, body, Map.of());
    }

    @Override
    public void restore(DeliveredAlert alert) {
        open.apply(alert);
    }

    @Override
    public void forget(Collection<Integer> partitions) {
        open.forget(partitions);
    }

    /** How many incidents are open, as far as this channel knows. */
    public int openIncidents() {
        return open.size();
    }

    @Override
    public String describe() {
        URI u = settings.url();
        return "Alertmanager " + u.getScheme() + "://" + u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort());
    }

    @Override
    public void close() {
    }
}

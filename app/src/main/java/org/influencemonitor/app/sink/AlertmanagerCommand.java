package org.influencemonitor.app.sink;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.influencemonitor.app.DurationConverter;
import org.influencemonitor.app.UserError;
import org.influencemonitor.sink.AlertChannel;
import org.influencemonitor.sink.alertmanager.AlertmanagerChannel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code monitor sink alertmanager}: incidents as Prometheus Alertmanager alerts. */
@Command(name = "alertmanager", description = {
        "Send incidents to a Prometheus Alertmanager (POST /api/v2/alerts).",
        "Labels identify the incident and never change during it: alertname, rule, country, severity (at firing), "
                + "alert_id, plus --label. Annotations carry what changes: summary, counts, score, evidence.",
        "Open incidents are resent every --resend-every with endsAt 4 intervals ahead; a resolved one is sent "
                + "with endsAt = now."},
        footer = {"", "Example:",
                "  ./monitor sink alertmanager --url http://localhost:9093 --query-api http://localhost:8080 --label team=elections"})
public class AlertmanagerCommand extends ChannelCommand {
    @Option(names = "--url", required = true, paramLabel = "URL", description = "The Alertmanager, e.g. http://localhost:9093.")
    URI url;

    @Option(names = "--query-api", paramLabel = "URL", defaultValue = "http://localhost:8080",
            description = "The processor's query API, for each alert's generatorURL (default: ${DEFAULT-VALUE}).")
    URI queryApi;

    @Option(names = "--resend-every", paramLabel = "DURATION", defaultValue = "1m", converter = DurationConverter.class,
            description = "How often open incidents are sent again (default: ${DEFAULT-VALUE}).")
    Duration resendEvery;

    @Option(names = "--forget-after", paramLabel = "DURATION", defaultValue = "7d", converter = DurationConverter.class,
            description = "Stop resending an open incident that has had no event for this long (default: ${DEFAULT-VALUE}).")
    Duration forgetAfter;

    @Option(names = "--label", paramLabel = "NAME=VALUE", description = "An extra label on every alert, for routing; repeatable.")
    Map<String, String> labels = new TreeMap<>();

    @Mixin
    RequestTimeout timeout;

    @Override
    String type() {
        return "alertmanager";
    }

    @Override
    AlertChannel open() {
        if (url.getScheme() == null || url.getHost() == null) {
            throw new UserError("--url must be an http or https URL with a host");
        }
        for (String name : labels.keySet()) {
            if (!name.matches("[a-zA-Z_][a-zA-Z0-9_]*")) {
                throw new UserError("--label " + name + ": label names are letters, digits and _, not starting with a digit");
            }
            if (java.util.Set.of("alertname", "rule", "country", "severity", "alert_id").contains(name)) {
                throw new UserError("--label " + name + ": the sink sets that label itself");
            }
        }
        try {
            return new AlertmanagerChannel(new AlertmanagerChannel.Settings(url, queryApi, resendEvery, forgetAfter, labels,
                    timeout.value()));
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }
}

package org.influencemonitor.app.sink;

import java.net.URI;
import java.nio.file.Path;
import org.influencemonitor.app.UserError;
import org.influencemonitor.sink.AlertChannel;
import org.influencemonitor.sink.slack.SlackChannel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code monitor sink slack}: a readable message per alert, or per batch of alerts. */
@Command(name = "slack", description = {
        "Post alerts to a Slack incoming webhook (or a Mattermost one: it reads the same messages).",
        "Alerts that arrive together share one message; at most one message a second; Retry-After is honoured.",
        "The webhook URL is a secret: it is read from a file and never printed."},
        footer = {"", "Example:",
                "  echo 'https://hooks.slack.com/services/T000/B000/XXXX' > slack.url && chmod 600 slack.url",
                "  ./monitor sink slack --webhook-url-file slack.url --bootstrap-servers localhost:9092"})
public class SlackCommand extends ChannelCommand {
    @Option(names = "--webhook-url-file", required = true, paramLabel = "FILE",
            description = "File holding the incoming webhook's URL.")
    Path webhookUrlFile;

    @Mixin
    RequestTimeout timeout;

    @Override
    String type() {
        return "slack";
    }

    @Override
    AlertChannel open() {
        String description = "Slack webhook from " + webhookUrlFile;
        URI url;
        try {
            url = URI.create(Secrets.read(webhookUrlFile, "--webhook-url-file"));
        } catch (IllegalArgumentException e) {
            throw new UserError("--webhook-url-file " + webhookUrlFile + " does not hold a URL");
        }
        if (url.getScheme() == null || !(url.getScheme().equals("https") || url.getScheme().equals("http"))
                || url.getHost() == null) {
            throw new UserError("--webhook-url-file " + webhookUrlFile + " does not hold an http(s) URL");
        }
        return new SlackChannel(url, description, timeout.value());
    }
}

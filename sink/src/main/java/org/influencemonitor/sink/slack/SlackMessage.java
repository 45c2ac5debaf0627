package org.influencemonitor.sink.slack;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.influencemonitor.model.Alert;
import org.influencemonitor.sink.EventKey;

/**
 * One Slack message for alerts that arrived together. {@code text} is always set and reads on its own:
 * it is what notifications show, and all that Mattermost's Slack-compatible webhooks render (they ignore
 * blocks and know {@code <url|label>} links but not Slack's {@code *bold*}). The blocks are the layout
 * Slack shows: per alert, what happened, the counts against the expectation, the election if any, and
 * the evidence articles as links. Fields the alert does not carry are left out; a rule this version does
 * not know is shown by its name.
 */
final class SlackMessage {
    /** Slack allows 50 blocks a message; an alert takes at most five. */
    static final int MAX_ALERTS = 9;
    private static final int MAX_SECTION = 2900;
    private static final int MAX_TEXT = 3500;
    private static final DateTimeFormatter DAY_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private SlackMessage() {
    }

    static ObjectNode of(List<Alert> alerts) {
        if (alerts.isEmpty() || alerts.size() > MAX_ALERTS) {
            throw new IllegalArgumentException("a message holds 1 to " + MAX_ALERTS + " alerts, got " + alerts.size());
        }
        ObjectNode message = JSON.objectNode();
        List<String> text = new ArrayList<>();
        if (alerts.size() > 1) {
            text.add(alerts.size() + " alerts");
        }
        ArrayNode blocks = message.putArray("blocks");
        for (int i = 0; i < alerts.size(); i++) {
            if (i > 0) {
                blocks.addObject().put("type", "divider");
            }
            addBlocks(blocks, alerts.get(i));
            text.add(plain(alerts.get(i)));
        }
        message.put("text", SlackText.truncate(String.join("\n\n", text), MAX_TEXT));
        return message;
    }

    private static void addBlocks(ArrayNode blocks, Alert a) {
        section(blocks).put("text", SlackText.truncate("*" + headline(a) + "*\n" + SlackText.escape(summary(a)), MAX_SECTION));
        ObjectNode facts = blocks.addObject().put("type", "section");
        ArrayNode fields = facts.putArray("fields");
        field(fields, "Country", a.country());
        field(fields, "Rule", a.rule());
        field(fields, "Severity", a.severity().wireName());
        field(fields, "Articles", counts(a));
        field(fields, "Window", window(a));
        if (a.election() != null && a.election().date() != null) {
            field(fields, "Election", a.election().date() + (a.election().type() == null ? "" : " " + a.election().type()));
        }
        if (!a.evidence().isEmpty()) {
            StringBuilder evidence = new StringBuilder("*Evidence*");
            for (Alert.Evidence e : a.evidence()) {
                evidence.append("\n• ").append(SlackText.link(e.url(), e.title()));
                if (e.source() != null && !e.source().isBlank()) {
                    evidence.append(" — ").append(SlackText.quoted(e.source()));
                }
            }
            section(blocks).put("text", SlackText.truncate(evidence.toString(), MAX_SECTION));
        }
        ObjectNode context = blocks.addObject().put("type", "context");
        context.putArray("elements").addObject().put("type", "mrkdwn")
                .put("text", "alert " + SlackText.escape(EventKey.of(a).toString()));
    }

    private static ObjectNode section(ArrayNode blocks) {
        return blocks.addObject().put("type", "section").putObject("text").put("type", "mrkdwn");
    }

    private static void field(ArrayNode fields, String name, String value) {
        fields.addObject().put("type", "mrkdwn").put("text", "*" + name + "*\n" + SlackText.escape(value));
    }

    /** The message as plain lines, for notifications and Mattermost. */
    private static String plain(Alert a) {
        StringBuilder s = new StringBuilder(headline(a)).append(": ").append(SlackText.escape(summary(a)))
                .append("\n").append(SlackText.escape(counts(a))).append(" · ").append(window(a));
        if (a.election() != null && a.election().date() != null) {
            s.append(" · election ").append(a.election().date());
        }
        for (Alert.Evidence e : a.evidence()) {
            s.append("\n• ").append(SlackText.link(e.url(), e.title()));
        }
        return s.toString();
    }

    private static String headline(Alert a) {
        String state = a.status() == Alert.Status.RESOLVED ? "resolved"
                : EventKey.updateOf(a) == 0 ? "new incident" : "update " + EventKey.updateOf(a);
        return icon(a) + " " + a.severity().wireName().toUpperCase(Locale.ROOT) + " " + SlackText.escape(a.country())
                + " " + SlackText.escape(a.rule()) + " (" + state + ")";
    }

    private static String icon(Alert a) {
        if (a.status() == Alert.Status.RESOLVED) {
            return ":white_check_mark:";
        }
        return switch (a.severity()) {
            case CRITICAL -> ":rotating_light:";
            case WARNING -> ":warning:";
            case INFO -> ":information_source:";
        };
    }

    private static String summary(Alert a) {
        return a.summary() != null && !a.summary().isBlank() ? a.summary()
                : a.rule() + " for " + a.country() + ": " + a.articles() + " articles (threshold " + a.threshold() + ")";
    }

    private static String counts(Alert a) {
        StringBuilder s = new StringBuilder().append(a.articles());
        if (a.expected() != null) {
            s.append(" vs ").append(String.format(Locale.ROOT, "%.1f", a.expected())).append(" expected");
            if (a.expected() > 0) {
                s.append(String.format(Locale.ROOT, " (%.1f×)", a.articles() / a.expected()));
            }
        } else {
            s.append(" (threshold ").append(a.threshold()).append(")");
        }
        return s.toString();
    }

    private static String window(Alert a) {
        return DAY_TIME.format(a.windowStart()) + "–" + TIME.format(a.windowEnd()) + " UTC";
    }
}

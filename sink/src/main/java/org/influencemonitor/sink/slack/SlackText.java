package org.influencemonitor.sink.slack;

import java.net.URI;
import java.util.Locale;

/**
 * Text from an alert as Slack's mrkdwn must receive it. {@code &}, {@code <} and {@code >} are Slack's
 * control characters and are escaped, so a title can neither break the layout nor smuggle in a link or a
 * {@code <!channel>} mention. Text that comes from articles (titles, outlets) is wrapped in Unicode
 * first-strong isolates, so that an Arabic or Hebrew title is laid out right-to-left inside an otherwise
 * left-to-right line without reordering the punctuation and words around it.
 */
final class SlackText {
    private static final char FIRST_STRONG_ISOLATE = '\u2068';
    private static final char POP_DIRECTIONAL_ISOLATE = '\u2069';

    private SlackText() {
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Escaped, and isolated from the text around it whatever its direction. */
    static String quoted(String text) {
        return FIRST_STRONG_ISOLATE + escape(stripBidiControls(text)) + POP_DIRECTIONAL_ISOLATE;
    }

    /** A link to an http(s) URL with the title as its label; anything else as plain text. */
    static String link(String url, String label) {
        String shown = quoted(label == null || label.isBlank() ? (url == null ? "(untitled)" : url) : label);
        if (url == null || !isWebUrl(url)) {
            return shown;
        }
        String target = url.replace("&", "&amp;").replace("<", "%3C").replace(">", "%3E").replace("|", "%7C")
                .replace(" ", "%20");
        return "<" + target + "|" + shown + ">";
    }

    static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static boolean isWebUrl(String url) {
        try {
            String scheme = URI.create(url.trim().replace(" ", "%20").replace("|", "%7C")).getScheme();
            return scheme != null && (scheme.toLowerCase(Locale.ROOT).equals("https") || scheme.toLowerCase(Locale.ROOT).equals("http"));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Directional overrides and isolates inside a title could leak past its end and flip the rest of the
     * line; the isolate around it is all the direction a title needs.
     */
    private static String stripBidiControls(String text) {
        return text.replaceAll("[\\u202A-\\u202E\\u2066-\\u2069]", "");
    }
}

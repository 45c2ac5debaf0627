package org.influencemonitor.ingest;

import java.text.Normalizer;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Titles and bodies as the tagger should see them, whatever the source: HTML turned into text (feeds
 * send descriptions as HTML, scrapers send page fragments), Unicode in NFC (so "é" typed two ways is one
 * string and matches the dictionaries once), whitespace collapsed, control characters dropped, and the
 * result cut at {@link IngestLimits}. Match offsets downstream index into this cleaned text.
 */
public final class TextCleaner {
    /**
     * Text is treated as HTML only when it has a tag or an entity: parsing plain text as HTML would eat
     * "x<y" comparisons and other stray angle brackets that news text does contain.
     */
    private static final Pattern LOOKS_LIKE_HTML = Pattern.compile(
            "<(?:[a-zA-Z][a-zA-Z0-9]*(?:\\s[^<>]*)?/?|/[a-zA-Z][a-zA-Z0-9]*\\s*|!--[\\s\\S]*?--)>"
                    + "|&(?:[a-zA-Z]{2,8}|#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6});");

    private TextCleaner() {
    }

    /** A cleaned string, null when nothing was left of it, and whether it was cut. */
    public record Cleaned(String text, boolean truncated) {
        static final Cleaned NOTHING = new Cleaned(null, false);
    }

    /** A body: paragraph breaks are kept as a blank line, line breaks as one newline, other runs as a space. */
    public static Cleaned body(String raw) {
        return clean(raw, true, IngestLimits.MAX_TEXT_CHARS);
    }

    /** A title: one line, every whitespace run a single space. */
    public static Cleaned title(String raw) {
        return clean(raw, false, IngestLimits.MAX_TITLE_CHARS);
    }

    /** A short field (source name, language): one line, not truncated. */
    public static String oneLine(String raw) {
        return clean(raw, false, Integer.MAX_VALUE).text();
    }

    private static Cleaned clean(String raw, boolean keepBreaks, int maxChars) {
        if (raw == null) {
            return Cleaned.NOTHING;
        }
        String text = LOOKS_LIKE_HTML.matcher(raw).find() ? htmlToText(raw) : raw;
        text = collapse(Normalizer.normalize(text, Normalizer.Form.NFC), keepBreaks);
        if (text.isEmpty()) {
            return Cleaned.NOTHING;
        }
        if (text.length() <= maxChars) {
            return new Cleaned(text, false);
        }
        int cut = maxChars;
        if (Character.isHighSurrogate(text.charAt(cut - 1))) {
            cut--;
        }
        return new Cleaned(text.substring(0, cut).stripTrailing(), true);
    }

    /** Text nodes in document order; block elements become paragraph breaks and {@code <br>} a line break. */
    static String htmlToText(String html) {
        StringBuilder out = new StringBuilder(html.length());
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    out.append(text.getWholeText());
                } else if (node instanceof Element element) {
                    if (element.nameIs("br")) {
                        out.append('\n');
                    } else if (element.isBlock()) {
                        out.append("\n\n");
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element && element.isBlock()) {
                    out.append("\n\n");
                }
            }
        }, Jsoup.parseBodyFragment(html).body());
        return out.toString();
    }

    private static String collapse(String text, boolean keepBreaks) {
        StringBuilder out = new StringBuilder(text.length());
        int newlines = 0;
        boolean inSpace = false;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                inSpace = true;
                if (c == '\n' || c == '\u2028' || c == '\u2029') {
                    newlines++;
                }
                continue;
            }
            if (Character.getType(c) == Character.CONTROL) {
                continue;
            }
            if (inSpace && !out.isEmpty()) {
                out.append(!keepBreaks || newlines == 0 ? " " : newlines == 1 ? "\n" : "\n\n");
            }
            inSpace = false;
            newlines = 0;
            out.appendCodePoint(c);
        }
        return out.toString();
    }
}

package org.influencemonitor.app;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Input written to break ingest, one JSON Lines record per case, each with the outcome it must have:
 * bytes that are not UTF-8, times out of range or of the wrong type, 10 MB lines, bare CRs, trailing
 * text, wrong types, 10,000 levels of nesting, among good articles that must all get through. The tests
 * feed it through every entry point against a real broker; the fault suite can feed it too.
 */
public final class HostileCorpus {
    /** What must become of a case. */
    public enum Expect { PUBLISHED, DUPLICATE, REJECTED, SKIPPED }

    /**
     * @param reason for a rejected case, how its dead letter's reason begins
     * @param url    for a published case, the URL its article carries
     */
    public record Case(String name, byte[] line, Expect expect, String reason, String url) {
    }

    private static final int TEN_MB = 10 * 1024 * 1024;

    private HostileCorpus() {
    }

    /** The cases, with times relative to {@code now}; every URL starts with {@code urlPrefix}. */
    public static List<Case> cases(Instant now, String urlPrefix) {
        Instant t = now.truncatedTo(ChronoUnit.SECONDS);
        List<Case> c = new ArrayList<>();
        c.add(good("a good article", urlPrefix + "good-1", "\"published_at\":\"" + t.minus(Duration.ofHours(1)) + "\""));
        c.add(bad("invalid UTF-8", concat(article(urlPrefix + "utf8", "\"title\":\"Caf"), new byte[] {(byte) 0xC3, '('},
                ascii("\"}")), "invalid UTF-8 at byte offset"));
        c.add(bad("Latin-1 text", concat(article(urlPrefix + "latin1", "\"title\":\"caf"), new byte[] {(byte) 0xE9},
                ascii("\"}")), "invalid UTF-8 at byte offset"));
        c.add(bad("year 1", line(urlPrefix + "year1", "\"published_at\":\"0001-01-01T00:00:00Z\""), "published_at 0001-01-01T00:00:00Z is before 1970"));
        c.add(bad("a second before 1970", line(urlPrefix + "1969", "\"published_at\":\"1969-12-31T23:59:59Z\""), "published_at 1969-12-31T23:59:59Z is before 1970"));
        c.add(bad("year 9999", line(urlPrefix + "9999", "\"published_at\":\"9999-12-31T23:59:59Z\""), "published_at 9999-12-31T23:59:59Z is in the future"));
        c.add(bad("two hours ahead", line(urlPrefix + "ahead", "\"published_at\":\"" + t.plus(Duration.ofHours(2)) + "\""), "published_at " + t.plus(Duration.ofHours(2)) + " is in the future"));
        c.add(good("ten minutes ahead, within the tolerance", urlPrefix + "soon", "\"published_at\":\"" + t.plus(Duration.ofMinutes(10)) + "\""));
        c.add(bad("milliseconds for a time", line(urlPrefix + "millis", "\"published_at\":" + t.toEpochMilli()), "published_at must be an ISO-8601 string"));
        c.add(bad("seconds for a time", line(urlPrefix + "seconds", "\"published_at\":" + t.getEpochSecond()), "published_at must be an ISO-8601 string"));
        c.add(bad("a time without a zone", line(urlPrefix + "nozone", "\"published_at\":\"2024-10-18T14:05:00\""), "published_at \"2024-10-18T14:05:00\" has no time zone"));
        c.add(bad("a valid 10 MB line", line(urlPrefix + "big-valid", "\"text\":\"" + "x".repeat(TEN_MB) + "\""), "the record is "));
        c.add(bad("a malformed 10 MB line", ascii("{\"url\":\"" + urlPrefix + "big-broken\",\"text\":\"" + "y".repeat(TEN_MB)), "the record is "));
        c.add(new Case("a bare CR between tokens", ascii("{\"url\":\"" + urlPrefix + "cr-between\",\r\"title\":\"Moldova votes\"}"),
                Expect.PUBLISHED, null, urlPrefix + "cr-between"));
        c.add(bad("a bare CR inside a string", ascii("{\"url\":\"" + urlPrefix + "cr-inside\",\"title\":\"Moldova\rvotes\"}"), "not valid JSON"));
        c.add(bad("trailing text", ascii("{\"url\":\"" + urlPrefix + "trailing\",\"title\":\"T\"} and more"), "text after the JSON object"));
        c.add(bad("two objects on a line", ascii("{\"url\":\"" + urlPrefix + "two-a\",\"title\":\"T\"}{\"url\":\"" + urlPrefix + "two-b\",\"title\":\"T\"}"), "text after the JSON object"));
        c.add(bad("a number for the title", ascii("{\"url\":\"" + urlPrefix + "title-number\",\"title\":12345}"), "title must be a string, not a number (12345)"));
        c.add(bad("a boolean for the title", ascii("{\"url\":\"" + urlPrefix + "title-bool\",\"title\":true}"), "title must be a string, not a boolean (true)"));
        c.add(bad("10,000 levels of nesting", ascii("{\"url\":\"" + urlPrefix + "deep\",\"title\":\"T\",\"x\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}"), "not valid JSON: Document nesting depth"));
        c.add(bad("not JSON", ascii("url=" + urlPrefix + "form&title=T"), "not valid JSON"));
        c.add(bad("an array", ascii("[\"" + urlPrefix + "array\"]"), "not a JSON object"));
        c.add(bad("no url and no id", ascii("{\"title\":\"Moldova votes\"}"), "article has neither url nor id"));
        c.add(bad("no title and no text", ascii("{\"url\":\"" + urlPrefix + "empty\",\"title\":\"  \",\"text\":\"<p></p>\"}"), "article has neither title nor text"));
        c.add(new Case("a CRLF line end", concat(article(urlPrefix + "crlf", "\"title\":\"Moldova votes\"}"), ascii("\r")),
                Expect.PUBLISHED, null, urlPrefix + "crlf"));
        c.add(new Case("a blank line", new byte[0], Expect.SKIPPED, null, null));
        c.add(new Case("a line of spaces", ascii("   \t "), Expect.SKIPPED, null, null));
        c.add(new Case("the first article again, behind a tracking parameter",
                ascii("{\"url\":\"" + urlPrefix + "good-1?utm_source=feed\",\"title\":\"Moldova votes\"}"), Expect.DUPLICATE, null, null));
        c.add(good("control characters", urlPrefix + "control", "\"text\":\"vote\\u0000count\\u0007ed\""));
        c.add(good("an HTML body", urlPrefix + "html", "\"text\":\"<p>The <b>Kremlin</b> denies it</p><script>x()</script>\""));
        c.add(good("a 900 KB body, cut to the text limit", urlPrefix + "long", "\"text\":\"" + "word ".repeat(180_000) + "\""));
        c.add(good("the last line, without a line end", urlPrefix + "last", "\"language\":\"en\""));
        return c;
    }

    /** The cases as one file: each case a line, LF between them and none after the last. */
    public static byte[] file(List<Case> cases) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < cases.size(); i++) {
            if (i > 0) {
                out.write('\n');
            }
            out.writeBytes(cases.get(i).line());
        }
        return out.toByteArray();
    }

    private static Case good(String name, String url, String field) {
        return new Case(name, line(url, field), Expect.PUBLISHED, null, url);
    }

    private static Case bad(String name, byte[] line, String reason) {
        return new Case(name, line, Expect.REJECTED, reason, null);
    }

    private static byte[] line(String url, String field) {
        return ascii("{\"url\":\"" + url + "\",\"title\":\"Moldova election\",\"source\":\"Hostile\"," + field + "}");
    }

    private static byte[] article(String url, String rest) {
        return ascii("{\"url\":\"" + url + "\"," + rest);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}

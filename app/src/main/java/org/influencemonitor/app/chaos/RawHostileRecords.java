package org.influencemonitor.app.chaos;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.influencemonitor.app.HostileCorpus;

/**
 * Records produced straight to {@code articles.raw}, past ingest and its checks, as any other producer on
 * the cluster could: the hostile corpus's lines as they are (they lack the {@code id} ingest would derive,
 * so the processor must dead-letter every one), and records aimed at the processor's own reading: a
 * tombstone, empty bytes, JSON {@code null}, wrong types, a newer schema version, dates two hours ahead, in
 * year 9999, in year 1,000,000,000 and in year 1,
 * unknown fields (which the contract says readers ignore), a repeated id, and a record larger than the
 * client's {@code max.request.size}.
 */
final class RawHostileRecords {
    /** {@code value} null is a tombstone; {@code enriched}: whether the processor must enrich it. */
    record Raw(String name, byte[] value, boolean enriched) {
    }

    private RawHostileRecords() {
    }

    static List<Raw> of(Instant now, String idPrefix) {
        Instant t = now.truncatedTo(ChronoUnit.SECONDS);
        List<Raw> out = new ArrayList<>();
        for (HostileCorpus.Case c : HostileCorpus.cases(now, "https://raw.hostile.example/")) {
            out.add(new Raw("corpus: " + c.name(), c.line(), false));
        }
        String hourAgo = t.minus(Duration.ofHours(1)).toString();
        out.add(new Raw("an article as ingest writes it", article(idPrefix + "good", hourAgo, ""), true));
        out.add(new Raw("unknown fields", article(idPrefix + "unknown", hourAgo, ",\"colour\":\"red\",\"nested\":{\"a\":[1,2]}"), true));
        out.add(new Raw("the same id again", article(idPrefix + "good", hourAgo, ""), true));
        out.add(new Raw("control characters and markup", article(idPrefix + "control", hourAgo,
                ",\"text\":\"vote\\u0000count <script>x()</script> \\u202Eright-to-left\""), true));
        out.add(new Raw("no published_at", utf8("{\"schema_version\":1,\"id\":\"" + idPrefix + "undated\",\"title\":\"Moldova election\"}"), true));
        out.add(new Raw("a tombstone", null, false));
        out.add(new Raw("empty bytes", new byte[0], false));
        out.add(new Raw("JSON null", utf8("null"), false));
        out.add(new Raw("a number for the id", utf8("{\"schema_version\":1,\"id\":12,\"title\":\"Moldova election\"}"), false));
        out.add(new Raw("schema_version 99", utf8("{\"schema_version\":99,\"id\":\"" + idPrefix + "v99\",\"title\":\"T\"}"), false));
        out.add(new Raw("two hours ahead", article(idPrefix + "ahead", t.plus(Duration.ofHours(2)).toString(), ""), false));
        out.add(new Raw("year 9999", article(idPrefix + "y9999", "9999-12-31T23:59:59Z", ""), false));
        out.add(new Raw("year 1,000,000,000 (no time in milliseconds)", article(idPrefix + "y1e9", "+1000000000-12-31T23:59:59Z", ""), false));
        out.add(new Raw("year 1", article(idPrefix + "y1", "0001-01-01T00:00:00Z", ""), false));
        out.add(new Raw("milliseconds for published_at", utf8("{\"schema_version\":1,\"id\":\"" + idPrefix + "millis\","
                + "\"title\":\"T\",\"published_at\":" + t.toEpochMilli() + "}"), false));
        out.add(new Raw("invalid UTF-8", concat(utf8("{\"schema_version\":1,\"id\":\"" + idPrefix + "utf8\",\"title\":\"Caf"),
                new byte[] {(byte) 0xC3, '('}, utf8("\"}")), false));
        out.add(new Raw("2 MB, over the client's max.request.size", article(idPrefix + "huge", hourAgo,
                ",\"text\":\"" + "x".repeat(2_000_000) + "\""), false));
        return out;
    }

    private static byte[] article(String id, String publishedAt, String extra) {
        String fields = "{\"schema_version\":1,\"id\":\"" + id + "\",\"url\":\"https://raw.hostile.example/" + id + "\","
                + "\"source\":\"Hostile\",\"title\":\"Moldova election\",\"text\":\"The Kremlin denies buying votes.\","
                + "\"published_at\":\"" + publishedAt + "\"";
        if (extra.startsWith(",\"text\"")) {
            fields = fields.replace(",\"text\":\"The Kremlin denies buying votes.\"", "");
        }
        return utf8(fields + extra + "}");
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}

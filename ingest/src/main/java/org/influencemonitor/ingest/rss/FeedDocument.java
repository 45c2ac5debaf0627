package org.influencemonitor.ingest.rss;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.influencemonitor.ingest.ArticleIdentity;
import org.influencemonitor.ingest.Candidate;
import org.influencemonitor.model.Json;
import org.jsoup.Jsoup;

/**
 * A fetched feed document as items, or why it is not a feed. RSS 0.9x, 1.0 and 2.0 and Atom are read by
 * ROME, which refuses DOCTYPE declarations (and with them external entities and entity expansion): a
 * feed that declares one is reported, never parsed. An HTML page where a feed should be, the usual
 * shape of an error page or a login wall, is reported as such with its title.
 */
public final class FeedDocument {
    private FeedDocument() {
    }

    /** The items, or the reason there are none. */
    public sealed interface Parsed permits Parsed.Items, Parsed.NotAFeed {
        record Items(String title, List<FeedItem> items) implements Parsed {
        }

        record NotAFeed(String reason) implements Parsed {
        }
    }

    public static Parsed parse(byte[] bytes, String contentType, String sourceName) {
        if (looksLikeHtml(bytes, contentType)) {
            String title = Jsoup.parse(new String(bytes, StandardCharsets.UTF_8)).title().strip();
            return new Parsed.NotAFeed("an HTML page, not a feed" + (title.isEmpty() ? "" : " (\"" + title + "\")"));
        }
        SyndFeed feed;
        try {
            feed = new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(bytes), contentType, true));
        } catch (FeedException | IllegalArgumentException | IOException e) {
            String message = String.valueOf(e.getMessage()) + (e.getCause() == null ? "" : " " + e.getCause().getMessage());
            if (message.contains("DOCTYPE")) {
                return new Parsed.NotAFeed("the document declares a DOCTYPE, which is refused: no DTD or external entity is read");
            }
            return new Parsed.NotAFeed("not an RSS or Atom feed: " + firstLine(message));
        }
        String source = sourceName != null ? sourceName : feed.getTitle();
        List<FeedItem> items = new ArrayList<>();
        int position = 0;
        for (SyndEntry entry : feed.getEntries()) {
            position++;
            items.add(item(position, entry, source, feed.getLanguage()));
        }
        return new Parsed.Items(feed.getTitle(), items);
    }

    private static FeedItem item(int position, SyndEntry entry, String source, String language) {
        String link = entry.getLink();
        if ((link == null || link.isBlank()) && !entry.getLinks().isEmpty()) {
            link = entry.getLinks().get(0).getHref();
        }
        String guid = entry.getUri();
        if ((link == null || link.isBlank()) && guid != null && guid.startsWith("http")) {
            link = guid;
        }
        String text = entry.getDescription() == null ? null : entry.getDescription().getValue();
        if (text == null || text.isBlank()) {
            text = entry.getContents().stream().map(SyndContent::getValue).filter(v -> v != null && !v.isBlank())
                    .findFirst().orElse(null);
        }
        Date date = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
        Instant published = date == null ? null : date.toInstant();
        Candidate candidate = new Candidate(guid, link, source, entry.getTitle(), text, language, published);
        return new FeedItem(position, key(link, guid, entry.getTitle(), text), candidate,
                asJson(link, guid, entry.getTitle(), text, published));
    }

    /** The id the article will have, or for an item with neither link nor guid a hash of what it says. */
    private static String key(String link, String guid, String title, String text) {
        if (link != null && !link.isBlank()) {
            return ArticleIdentity.idFor(link);
        }
        if (guid != null && !guid.isBlank()) {
            return guid.strip();
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((title + "\u0000" + text).getBytes(StandardCharsets.UTF_8));
            return "content:" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    private static byte[] asJson(String link, String guid, String title, String text, Instant published) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("link", link);
        item.put("guid", guid);
        item.put("title", title);
        item.put("description", text);
        item.put("published", published == null ? null : published.toString());
        try {
            return Json.mapper().writeValueAsBytes(item);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings is always JSON", e);
        }
    }

    private static boolean looksLikeHtml(byte[] bytes, String contentType) {
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("text/html")) {
            return true;
        }
        String start = new String(bytes, 0, Math.min(bytes.length, 512), StandardCharsets.UTF_8).stripLeading()
                .toLowerCase(Locale.ROOT);
        if (start.startsWith("\ufeff")) {
            start = start.substring(1).stripLeading();
        }
        return start.startsWith("<!doctype html") || start.startsWith("<html");
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).strip();
    }
}

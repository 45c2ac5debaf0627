package org.influencemonitor.ingest;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Article ids come from the canonical URL, so the same story reached through a feed link with tracking
 * parameters, a {@code www.} host or a trailing slash is one article, and re-ingesting it is idempotent
 * (same key, and the processor counts article ids, not records).
 */
public final class ArticleIdentity {
    private ArticleIdentity() {
    }

    public static String idFor(String url) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonicalUrl(url).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    /**
     * Lower-case scheme and host, no {@code www.}, no default port, no fragment, no tracking parameters
     * ({@code utm_*}, {@code fbclid}, {@code gclid}, ...), remaining parameters sorted, no trailing slash.
     * A string that is not a URI is only trimmed.
     */
    public static String canonicalUrl(String url) {
        String trimmed = url.trim();
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            return trimmed;
        }
        if (uri.getHost() == null) {
            return trimmed;
        }
        String scheme = uri.getScheme() == null ? "https" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (host.startsWith("www.")) {
            host = host.substring(4);
        }
        int port = uri.getPort();
        boolean defaultPort = port == -1 || (port == 80 && scheme.equals("http")) || (port == 443 && scheme.equals("https"));
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        if (path.equals("/")) {
            path = "";
        }
        StringBuilder out = new StringBuilder(scheme).append("://").append(host);
        if (!defaultPort) {
            out.append(':').append(port);
        }
        out.append(path);
        String query = canonicalQuery(uri.getRawQuery());
        if (!query.isEmpty()) {
            out.append('?').append(query);
        }
        return out.toString();
    }

    private static String canonicalQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String> kept = new ArrayList<>();
        for (String param : rawQuery.split("&")) {
            String name = param.split("=", 2)[0].toLowerCase(Locale.ROOT);
            if (!param.isEmpty() && !isTracking(name)) {
                kept.add(param);
            }
        }
        kept.sort(null);
        return String.join("&", kept);
    }

    private static boolean isTracking(String name) {
        return name.startsWith("utm_") || name.equals("fbclid") || name.equals("gclid") || name.equals("mc_cid")
                || name.equals("mc_eid") || name.equals("igshid") || name.equals("ocid") || name.equals("cmpid");
    }
}

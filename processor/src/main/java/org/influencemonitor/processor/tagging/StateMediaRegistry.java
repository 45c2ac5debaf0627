package org.influencemonitor.processor.tagging;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * State-affiliated outlets by web domain ({@code state-media-domains.tsv}: domain, actor id). A host
 * matches its registered domain and every subdomain of it (francais.rt.com, de.rt.com), but not a
 * domain that merely ends with the same letters (art.com is not rt.com). When the URL is unusable,
 * the article's {@code source} name is compared with the outlet names and spellings of
 * {@code actors.tsv}.
 */
final class StateMediaRegistry {
    static final String FILE = "state-media-domains.tsv";

    private final Map<String, Actor> byDomain;
    private final Map<String, Actor> byName;

    private StateMediaRegistry(Map<String, Actor> byDomain, Map<String, Actor> byName) {
        this.byDomain = byDomain;
        this.byName = byName;
    }

    static StateMediaRegistry load(Path dir, ActorDictionary actors) {
        List<DictionaryFile.Row> rows = DictionaryFile.merge(DictionaryFile.bundled(FILE),
                dir == null ? List.of() : DictionaryFile.override(dir, FILE),
                r -> r.field(0).toLowerCase(Locale.ROOT));
        Map<String, Actor> byDomain = new HashMap<>();
        for (DictionaryFile.Row row : rows) {
            DictionaryFile.checked(row, r -> {
                r.requireFields(2, "domain, actor id");
                String domain = r.field(0).toLowerCase(Locale.ROOT);
                if (domain.contains("/") || !domain.contains(".")) {
                    throw r.error("'" + r.field(0) + "' is not a bare domain such as rt.com");
                }
                Actor a = actors.actor(r.field(1)).orElseThrow(() -> r.error("unknown actor id '" + r.field(1) + "' (see actors.tsv)"));
                byDomain.put(domain.startsWith("www.") ? domain.substring(4) : domain, a);
                return null;
            });
        }
        Map<String, Actor> byName = new HashMap<>();
        for (DictionaryEntry e : actors.entries()) {
            Actor a = actors.actor(e.id()).orElseThrow();
            if (a.kind() == org.influencemonitor.model.ActorKind.STATE_MEDIA && !e.prefix()) {
                byName.putIfAbsent(e.folded(), a);
                byName.putIfAbsent(TextNormalizer.fold(a.name()).strip(), a);
            }
        }
        return new StateMediaRegistry(Map.copyOf(byDomain), Map.copyOf(byName));
    }

    Optional<Actor> lookup(String url, String source) {
        String host = host(url);
        while (host != null && !host.isEmpty()) {
            Actor a = byDomain.get(host);
            if (a != null) {
                return Optional.of(a);
            }
            int dot = host.indexOf('.');
            host = dot < 0 ? null : host.substring(dot + 1);
        }
        if (source != null && !source.isBlank()) {
            String s = source.strip();
            Actor a = byDomain.get(s.toLowerCase(Locale.ROOT)); // a source given as a domain
            if (a == null) {
                a = byName.get(TextNormalizer.fold(s).strip());
            }
            return Optional.ofNullable(a);
        }
        return Optional.empty();
    }

    static String host(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        String u = url.strip();
        if (!u.contains("://")) {
            u = "http://" + u;
        }
        try {
            String h = URI.create(u).getHost();
            if (h == null) {
                return null;
            }
            h = h.toLowerCase(Locale.ROOT);
            if (h.endsWith(".")) {
                h = h.substring(0, h.length() - 1);
            }
            return h.startsWith("www.") ? h.substring(4) : h;
        } catch (IllegalArgumentException e) {
            return null; // unusable URL: fall back to the source name
        }
    }
}

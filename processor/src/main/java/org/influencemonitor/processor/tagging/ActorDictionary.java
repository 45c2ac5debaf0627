package org.influencemonitor.processor.tagging;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.influencemonitor.model.ActorKind;

/**
 * State-linked actors: {@code actors.tsv}, one surface form per line,
 * {@code id<TAB>country<TAB>kind<TAB>name<TAB>surface<TAB>flags}. All lines of one id must agree on
 * country, kind and name. The key is the id: a user file that mentions an id replaces every bundled
 * line of that actor, so an analyst can redefine an actor's spellings wholesale.
 */
final class ActorDictionary {
    static final String FILE = "actors.tsv";

    private final Map<String, Actor> actors;
    private final List<DictionaryEntry> entries;

    private ActorDictionary(Map<String, Actor> actors, List<DictionaryEntry> entries) {
        this.actors = actors;
        this.entries = entries;
    }

    static ActorDictionary load(Path overrideDir, Map<String, String> countryNames) {
        List<DictionaryFile.Row> rows = DictionaryFile.merge(DictionaryFile.bundled(FILE),
                overrideDir == null ? List.of() : DictionaryFile.override(overrideDir, FILE),
                r -> r.field(0));
        Map<String, Actor> actors = new LinkedHashMap<>();
        List<DictionaryEntry> entries = new ArrayList<>();
        for (DictionaryFile.Row row : rows) {
            DictionaryFile.checked(row, r -> {
                r.requireFields(5, "id, country, kind, name, surface[, flags]");
                String country = r.field(1).toUpperCase(Locale.ROOT);
                if (!countryNames.containsKey(country)) {
                    throw r.error("unknown country code '" + r.field(1) + "'");
                }
                ActorKind kind;
                try {
                    kind = ActorKind.fromWireName(r.field(2));
                } catch (IllegalArgumentException e) {
                    throw r.error("unknown actor kind '" + r.field(2) + "' (government, intelligence, military, state_media, proxy, operation)");
                }
                Actor actor = new Actor(r.field(0), r.field(3), country, kind);
                Actor previous = actors.putIfAbsent(actor.id(), actor);
                if (previous != null && !previous.equals(actor)) {
                    throw r.error("actor '" + actor.id() + "' redefined with different country/kind/name: " + previous);
                }
                DictionaryFile.Flags flags = DictionaryFile.flags(r, 5, CaseRule.ANY);
                entries.add(DictionaryEntry.of(EntryType.ACTOR, actor.id(), r.field(4), flags, r.origin()));
                return null;
            });
        }
        return new ActorDictionary(Map.copyOf(actors), List.copyOf(entries));
    }

    Optional<Actor> actor(String id) {
        return Optional.ofNullable(actors.get(id));
    }

    Map<String, Actor> actors() {
        return actors;
    }

    List<DictionaryEntry> entries() {
        return entries;
    }
}

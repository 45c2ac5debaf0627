package org.influencemonitor.processor.tagging;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.influencemonitor.model.Tags;

/** Turns the chosen matches into {@link Tags}: one tag per id, mentions = matches, most mentioned first. */
final class TagAggregator {
    private final CountryDictionary countries;
    private final ActorDictionary actors;

    TagAggregator(CountryDictionary countries, ActorDictionary actors) {
        this.countries = countries;
        this.actors = actors;
    }

    Tags aggregate(String document, List<Candidate> entities, List<Candidate> narratives) {
        List<Tags.Match> matches = new ArrayList<>(entities.size() + narratives.size());
        Map<String, Integer> countryCounts = new LinkedHashMap<>();
        Map<String, Integer> actorCounts = new LinkedHashMap<>();
        Map<String, Integer> termCounts = new LinkedHashMap<>();
        Map<String, Integer> narrativeCounts = new LinkedHashMap<>();
        for (Candidate c : entities) {
            Map<String, Integer> counts = switch (c.entry.type()) {
                case COUNTRY -> countryCounts;
                case ACTOR -> actorCounts;
                case ELECTION_TERM -> termCounts;
                default -> null;
            };
            if (counts != null) {
                counts.merge(c.id, 1, Integer::sum);
                matches.add(match(document, c));
            }
        }
        for (Candidate c : narratives) {
            narrativeCounts.merge(c.id, 1, Integer::sum);
            matches.add(match(document, c));
        }
        matches.sort(Comparator.comparingInt(Tags.Match::start).thenComparingInt(Tags.Match::end)
                .thenComparing(Tags.Match::type));
        List<Tags.CountryTag> countryTags = new ArrayList<>();
        sorted(countryCounts).forEach(e -> countryTags.add(new Tags.CountryTag(e.getKey(), countries.englishName(e.getKey()), e.getValue())));
        List<Tags.ActorTag> actorTags = new ArrayList<>();
        sorted(actorCounts).forEach(e -> {
            Actor a = actors.actor(e.getKey()).orElseThrow();
            actorTags.add(new Tags.ActorTag(a.id(), a.name(), a.country(), a.kind(), e.getValue()));
        });
        List<Tags.TermTag> termTags = new ArrayList<>();
        sorted(termCounts).forEach(e -> termTags.add(new Tags.TermTag(e.getKey(), e.getValue())));
        List<Tags.NarrativeTag> narrativeTags = new ArrayList<>();
        sorted(narrativeCounts).forEach(e -> narrativeTags.add(new Tags.NarrativeTag(e.getKey(), e.getValue())));
        return new Tags(countryTags, actorTags, termTags, narrativeTags, matches);
    }

    private static Tags.Match match(String document, Candidate c) {
        return new Tags.Match(c.entry.type().wireName(), c.id, c.start, c.end, document.substring(c.start, c.end));
    }

    private static List<Map.Entry<String, Integer>> sorted(Map<String, Integer> counts) {
        List<Map.Entry<String, Integer>> list = new ArrayList<>(counts.entrySet());
        list.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        return list;
    }
}

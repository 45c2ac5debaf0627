package org.influencemonitor.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What the tagger found in an article. Every country, actor and term is backed by entries in
 * {@code matches}, so an analyst can see exactly which words produced a tag.
 */
public record Tags(
        List<CountryTag> countries,
        List<ActorTag> actors,
        List<TermTag> electionTerms,
        List<NarrativeTag> narratives,
        List<Match> matches) {

    public Tags {
        countries = List.copyOf(countries);
        actors = List.copyOf(actors);
        electionTerms = List.copyOf(electionTerms);
        narratives = narratives == null ? List.of() : List.copyOf(narratives);
        matches = List.copyOf(matches);
    }

    public static Tags empty() {
        return new Tags(List.of(), List.of(), List.of(), List.of(), List.of());
    }

    /**
     * A country named in the article; {@code code} is ISO 3166-1 alpha-2. {@code fromHint} marks a country
     * the text does not name but the source said the article is about ({@code country_hints}, e.g. GDELT's
     * locations); its {@code mentions} are 0.
     */
    public record CountryTag(String code, String name, int mentions,
                             @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean fromHint) {
        public CountryTag(String code, String name, int mentions) {
            this(code, name, mentions, false);
        }

        /** A country the text does not name, taken from the source's hints. */
        public static CountryTag hinted(String code, String name) {
            return new CountryTag(code, name, 0, true);
        }
    }

    /** A state-linked actor; {@code country} is ISO 3166-1 alpha-2, {@code kind} one of {@link ActorKind}. */
    public record ActorTag(String id, String name, String country, ActorKind kind, int mentions) {
    }

    /** An election term, by its canonical form. */
    public record TermTag(String term, int mentions) {
    }

    /** A narrative, such as {@code election_fraud_claim}, with the number of phrases that carry it. */
    public record NarrativeTag(String id, int mentions) {
    }

    /**
     * One matched span of the title-and-text. {@code type} is {@code country}, {@code actor},
     * {@code election_term} or {@code narrative}; offsets are UTF-16 indices into {@code title + "\n\n" + text}, end exclusive.
     */
    public record Match(String type, String id, int start, int end, String text) {
    }
}

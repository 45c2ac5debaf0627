package org.influencemonitor.processor.enrichment;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.Optional;
import org.influencemonitor.model.Tags;

/**
 * The countries a source says an article is about ({@code country_hints}, e.g. GDELT's locations), for
 * articles whose text names none: a GDELT record often has only a headline, and its locations are what
 * the source knows of the story. They never add to countries the text names, because a source's list of
 * locations is broader than what the article is about, and a text that names a country says more.
 */
final class CountryHints {
    private final Function<String, Optional<String>> names;

    /** @param names the English name of a country code, empty for codes the tagger does not know */
    CountryHints(Function<String, Optional<String>> names) {
        this.names = names;
    }

    Tags apply(Tags tags, List<String> hints) {
        if (!tags.countries().isEmpty() || hints.isEmpty()) {
            return tags;
        }
        List<Tags.CountryTag> hinted = new ArrayList<>();
        for (String code : hints) {
            names.apply(code).ifPresent(name -> hinted.add(Tags.CountryTag.hinted(code, name)));
        }
        if (hinted.isEmpty()) {
            return tags;
        }
        return new Tags(hinted, tags.actors(), tags.electionTerms(), tags.narratives(), tags.matches());
    }
}

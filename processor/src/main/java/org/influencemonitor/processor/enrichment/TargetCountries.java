package org.influencemonitor.processor.enrichment;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.influencemonitor.model.EnrichedArticle;
import org.influencemonitor.model.Tags;

/**
 * Which of an article's countries it counts for. The monitor watches countries whose elections are
 * targeted, so in "Russian vote-buying in Moldova's election, the Kremlin denies it" the count goes to
 * Moldova: Russia is there as the home of the actor (the Kremlin, or the article's own state outlet), not
 * as the country whose vote is discussed. When the actors' home countries are the only countries named
 * ("the Kremlin's grip on Russia's election"), they are the subject and are counted.
 */
public final class TargetCountries {
    private TargetCountries() {
    }

    public static List<Tags.CountryTag> of(EnrichedArticle article) {
        List<Tags.CountryTag> named = article.tags().countries();
        Set<String> actorHomes = new HashSet<>();
        article.tags().actors().forEach(actor -> actorHomes.add(actor.country()));
        if (article.sourceActor() != null) {
            actorHomes.add(article.sourceActor().country());
        }
        List<Tags.CountryTag> targets = named.stream().filter(c -> !actorHomes.contains(c.code())).toList();
        return targets.isEmpty() ? named : targets;
    }
}

package org.influencemonitor.processor.rules;

import org.influencemonitor.model.MentionWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.influencemonitor.model.Alert;

/** Small builders for hand-written window sequences. */
final class Obs {
    static final Instant T0 = Instant.parse("2026-01-05T00:00:00Z");

    private Obs() {
    }

    static Instant hour(int h) {
        return T0.plus(Duration.ofHours(h));
    }

    static WindowObservation articles(String country, int h, int articles) {
        return full(country, h, articles, 0, -1, List.of());
    }

    static WindowObservation full(String country, int h, int articles, int stateLinkedFraud, int all,
                                  List<MentionWindow.ActorCount> actors) {
        return new WindowObservation(country, hour(h), hour(h + 1), true, articles, articles, stateLinkedFraud,
                stateLinkedFraud, actors, all,
                List.of(new Alert.Evidence(country + "-" + h, "Article about " + country, "https://example.org/" + h)));
    }

    static WindowObservation open(WindowObservation w) {
        return new WindowObservation(w.country(), w.windowStart(), w.windowEnd(), false, w.articles(), w.mentions(),
                w.fraudClaimArticles(), w.stateLinkedFraudArticles(), w.actors(), w.allCountriesArticles(),
                w.evidence());
    }

    static WindowObservation withArticles(WindowObservation w, int articles) {
        return new WindowObservation(w.country(), w.windowStart(), w.windowEnd(), w.closed(), articles, articles,
                w.fraudClaimArticles(), w.stateLinkedFraudArticles(), w.actors(), w.allCountriesArticles(),
                w.evidence());
    }
}

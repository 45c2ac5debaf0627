package org.influencemonitor.processor.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The dashboard's seam into the rules: the band it draws must be the one the spike rule fires on. */
class SpikeBandTest {
    private final RuleEngine engine = new RuleEngine(RulesConfig.defaults(), ElectionCalendar.empty());

    @Test
    void noBandWhileTheBaselineWarmsUp() {
        Driver d = new Driver(engine, "MD");
        d.close(Obs.articles("MD", 0, 2));
        assertEquals(Optional.empty(), engine.spikeBand(d.state, Obs.hour(1), Obs.hour(2)));
    }

    @Test
    void theBandIsWhereTheSpikeRuleFires() {
        Driver d = new Driver(engine, "MD");
        int surge = 24 * 4;
        for (int h = 0; h < surge; h++) {
            d.close(Obs.articles("MD", h, 2));
        }
        RuleEngine.Band band = engine.spikeBand(d.state, Obs.hour(surge), Obs.hour(surge + 1)).orElseThrow();
        assertTrue(band.expected() > 1.0 && band.expected() < 3.0, "expected near the steady 2 articles: " + band);
        assertTrue(band.bound() > band.expected(), "fires above the expectation: " + band);

        List<AlertEvent> below = d.close(Obs.articles("MD", surge, band.bound() - 1));
        assertTrue(below.stream().noneMatch(e -> e.rule().equals(RuleKind.SPIKE)), "one below the bound: " + below);
        RuleEngine.Band next = engine.spikeBand(d.state, Obs.hour(surge + 1), Obs.hour(surge + 2)).orElseThrow();
        AlertEvent fired = d.close(Obs.articles("MD", surge + 1, next.bound())).stream()
                .filter(e -> e.rule().equals(RuleKind.SPIKE)).findFirst().orElseThrow();
        assertEquals(next.bound(), fired.threshold());
        assertEquals(next.expected(), fired.expected(), 1e-9);
    }
}

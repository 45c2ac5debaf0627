package org.influencemonitor.processor.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.influencemonitor.model.Alert;
import org.junit.jupiter.api.Test;

/** A silent source is told from a quiet one by how implausible its silence is. */
class SourceCoverageTest {
    private final SourceCoverage watch = SourceCoverage.defaults();
    private SourceCoverage.State state = SourceCoverage.State.initial();
    private final List<AlertEvent> events = new ArrayList<>();

    private void close(int h, Map<String, Integer> articles) {
        SourceCoverage.Result r = watch.onWindowClosed(state, Obs.hour(h), Obs.hour(h + 1), articles);
        state = r.state();
        events.addAll(r.events());
    }

    @Test
    void aBusySourceGoingSilentRaisesOneCoverageIncidentResolvedByItsNextArticle() {
        for (int h = 0; h < 72; h++) {
            close(h, Map.of("wire", 20, "blog", h % 4 == 0 ? 1 : 0));
        }
        assertEquals(List.of(), events, "steady sources, and a sparse one with empty windows, raise nothing");
        close(72, Map.of("blog", 0));
        assertEquals(1, events.size(), events.toString());
        AlertEvent e = events.get(0);
        assertEquals(RuleKind.COVERAGE, e.rule());
        assertEquals(SourceCoverage.FEEDS, e.country());
        assertEquals(Alert.Status.FIRING, e.status());
        assertTrue(e.summary().contains("wire"), e.summary());
        assertTrue(state.gap(Obs.hour(73)), "the outage holds country incidents");
        close(73, Map.of());
        assertEquals(1, events.size(), "one incident, not one per window");
        close(74, Map.of("wire", 3));
        assertEquals(Alert.Status.RESOLVED, events.get(1).status());
        assertEquals(e.alertId(), events.get(1).alertId());
        assertFalse(state.gap(Obs.hour(75)));
    }

    @Test
    void anOutageStopsHoldingIncidentsAfterADay() {
        for (int h = 0; h < 72; h++) {
            close(h, Map.of("wire", 20));
        }
        close(72, Map.of());
        assertTrue(state.gap(Obs.hour(72)));
        assertFalse(state.gap(Obs.hour(72 + 24)), "a feed removed for good must not keep incidents open forever");
    }

    @Test
    void aSparseFeedsOrdinaryNightsAreLearntAndRaiseNothing() {
        // one article every other hour from 10:00 to 20:00, nothing for the 14 hours of the night: a baseline
        // of the non-empty windows alone would expect an article every night hour and page every night
        for (int h = 0; h < 24 * 14; h++) {
            int hour = h % 24;
            close(h, hour >= 10 && hour < 20 && hour % 2 == 0 ? Map.of("gazette", 1) : Map.of());
        }
        assertEquals(List.of(), events);
        assertFalse(state.gap(Obs.hour(24 * 14)));
    }

    @Test
    void aSourceThatNeverSentIsNotWatched() {
        for (int h = 0; h < 24 * 14; h++) {
            close(h, h < 72 ? Map.of("wire", 20, "announced", 0) : Map.of("wire", 20));
        }
        assertEquals(List.of(), events, "a name listed with no articles has only the prior to go on");
    }

    @Test
    void feedsBelowMinDailyArticlesAreNotJudgedAndTheCapFoldsTheRestIntoOther() {
        SourceCoverage capped = new SourceCoverage(1e-6, 100, 2);
        SourceCoverage.State s = SourceCoverage.State.initial();
        List<AlertEvent> seen = new ArrayList<>();
        for (int h = 0; h < 96; h++) {
            SourceCoverage.Result r = capped.onWindowClosed(s, Obs.hour(h), Obs.hour(h + 1),
                    h < 72 ? Map.of("wire", 20, "small", 3, "third", 5) : Map.of("third", 5));
            s = r.state();
            seen.addAll(r.events());
        }
        assertEquals(java.util.Set.of("small", "third", SourceCoverage.OTHER), s.sources().keySet(),
                "two names told apart (in name order), the rest together");
        // small (72 a day, below 100) is silent too but not judged; wire, folded into (other), is
        assertEquals(1, seen.size(), seen.toString());
        assertTrue(seen.get(0).summary().contains("Source " + SourceCoverage.OTHER + " "), seen.toString());
    }

    @Test
    void aQuietNightForEveryFeedIsNotAnOutage() {
        for (int h = 0; h < 72; h++) {
            close(h, Map.of("a", 2, "b", 2, "c", 2, "d", 2, "e", 2, "f", 2));
        }
        // Half the usual volume for nine hours, spread thin: most feeds have empty hours by chance. Left out
        // of the level, those empty hours would make the others look as busy as ever.
        int[][] night = {{1, 1, 0, 1, 2, 0}, {0, 1, 1, 0, 1, 1}, {1, 0, 2, 1, 0, 1}, {1, 1, 0, 0, 1, 1}, {0, 2, 1, 1, 0, 0},
                {1, 0, 1, 1, 1, 1}, {2, 1, 0, 1, 0, 1}, {0, 1, 1, 0, 1, 2}, {1, 1, 1, 1, 0, 0}};
        for (int i = 0; i < night.length; i++) {
            Map<String, Integer> w = new java.util.TreeMap<>();
            String[] names = {"b", "c", "d", "e", "f", "g"};
            for (int j = 0; j < 5; j++) {
                if (night[i][j] > 0) {
                    w.put(names[j], night[i][j]);
                }
            }
            close(72 + i, w);   // a is silent all night: 18 expected by its weekday baseline, about 9 tonight
        }
        assertEquals(List.of(), events, "a thin night is not an outage");
    }

    @Test
    void aQuietDayForEveryFeedScalesTheExpectedArticlesDown() {
        for (int h = 0; h < 72; h++) {
            close(h, Map.of("a", 20, "b", 20, "c", 20, "d", 3));
        }
        // A Sunday: every feed sends half, and d's six silent hours are about 1e-4 likely, not below 1e-6
        // as d's weekday baseline (18 expected) would say.
        for (int h = 72; h < 78; h++) {
            close(h, Map.of("a", 10, "b", 10, "c", 10));
        }
        assertEquals(List.of(), events, "a quiet day is not an outage");
        assertFalse(state.gap(Obs.hour(78)));
    }

    @Test
    void everyFeedStoppingAtOnceStillShows() {
        for (int h = 0; h < 72; h++) {
            close(h, Map.of("a", 20, "b", 20));
        }
        close(72, Map.of());
        assertEquals(List.of(), events, "each judged at the level's floor by the other's silence: 10 expected");
        close(73, Map.of());
        assertEquals(2, events.size(), "then both are remarkably silent, nothing is left to lower the 20 expected: "
                + events);
        assertTrue(state.gap(Obs.hour(74)));
    }

    @Test
    void aFeedsOtherSourcesSilentWithItDoNotMakeItsSilenceAQuietDay() {
        for (int h = 0; h < 72; h++) {
            close(h, Map.of("wire-1", 10, "wire-2", 10, "wire-3", 10, "paper", 10));
        }
        close(72, Map.of("paper", 10));
        assertEquals(List.of(), events, "one silent hour at 10 expected is not yet implausible");
        close(73, Map.of("paper", 10));
        assertEquals(3, events.size(), "the three sources of the silent feed, in its second hour (judged by the "
                + "sending paper, not pulled down to the floor by each other): " + events);
    }

    @Test
    void theLevelIsBoundedAndDamped() {
        assertEquals(1.0, SourceCoverage.level(80, 40), 1e-9, "a busy day never makes silence more damning");
        assertEquals(SourceCoverage.MIN_LEVEL, SourceCoverage.level(0, 100), 1e-9);
        assertEquals((30 + 5) / (60 + 5.0), SourceCoverage.level(30, 60), 1e-9);
        assertEquals(1.0, SourceCoverage.level(0, 0), 1e-9, "no other feed to compare with");
    }
}

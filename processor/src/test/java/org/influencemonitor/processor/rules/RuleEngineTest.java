package org.influencemonitor.processor.rules;

import org.influencemonitor.model.MentionWindow;
import org.influencemonitor.model.ActorKind;
import static org.influencemonitor.processor.rules.Obs.articles;
import static org.influencemonitor.processor.rules.Obs.full;
import static org.influencemonitor.processor.rules.Obs.hour;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.influencemonitor.model.Alert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleEngineTest {
    @TempDir
    Path dir;

    private RulesConfig config(String yaml) throws IOException {
        Path f = dir.resolve("rules-" + yaml.hashCode() + ".yaml");
        Files.writeString(f, yaml);
        return RulesConfig.load(f);
    }

    private static final String ONLY_THRESHOLD = """
            spike: {enabled: false}
            share: {enabled: false}
            narrative: {enabled: false}
            new_actor: {enabled: false}
            threshold: {articles: 10}
            """;

    private Driver driver(String yaml) throws IOException {
        return new Driver(new RuleEngine(config(yaml), ElectionCalendar.empty()), "MD");
    }

    private static List<String> statuses(List<AlertEvent> events) {
        return events.stream().map(e -> e.status().wireName() + ":" + e.update()).toList();
    }

    // ---- threshold and lifecycle -------------------------------------------------------------------------

    @Test
    void thresholdFiresAtTheThresholdUpdatesOncePerWindowAndResolvesAfterTwoQuietWindows() throws IOException {
        Driver d = driver(ONLY_THRESHOLD);
        int[] counts = {9, 10, 14, 3, 2, 1};
        for (int h = 0; h < counts.length; h++) {
            d.close(articles("MD", h, counts[h]));
        }
        assertEquals(List.of("firing:0", "firing:1", "resolved:2"), statuses(d.events));
        AlertEvent first = d.events.get(0);
        assertEquals(hour(1), first.windowStart());
        assertEquals(10, first.articles());
        assertEquals(10, first.threshold());
        assertEquals(Alert.Severity.WARNING, first.severity());
        assertEquals(hour(1), first.incidentStart());
        assertEquals(14, d.events.get(1).articles());
        assertEquals(hour(4), d.events.get(2).windowStart(), "resolved by the second quiet window");
        assertTrue(d.events.stream().allMatch(e -> e.alertId().equals(first.alertId())));
        assertEquals(RuleEngine.alertId(RuleKind.THRESHOLD, "MD", hour(1)), first.alertId());
        assertTrue(d.state.incidents().isEmpty());
    }

    @Test
    void aNewIncidentAfterResolutionGetsANewId() throws IOException {
        Driver d = driver(ONLY_THRESHOLD);
        int[] counts = {12, 0, 0, 12};
        for (int h = 0; h < counts.length; h++) {
            d.close(articles("MD", h, counts[h]));
        }
        assertEquals(List.of("firing:0", "resolved:1", "firing:0"), statuses(d.events));
        assertFalse(d.events.get(0).alertId().equals(d.events.get(2).alertId()));
    }

    @Test
    void hysteresisKeepsTheIncidentOpenWhileJustBelowTheThreshold() throws IOException {
        Driver d = driver(ONLY_THRESHOLD);
        int[] counts = {10, 9, 8, 9, 8, 7, 2};   // 8 and 9 are >= 0.8 x 10: elevated, not quiet
        for (int h = 0; h < counts.length; h++) {
            d.close(articles("MD", h, counts[h]));
        }
        assertEquals(List.of("firing:0", "resolved:1"), statuses(d.events));
        assertEquals(hour(6), d.events.get(1).windowStart());
    }

    @Test
    void anEarlyFiringIsNotRepeatedAtCloseUnlessTheSeverityRisesAndAnOpenIncidentUpdatesOncePerWindowAtItsClose()
            throws IOException {
        Driver d = driver(ONLY_THRESHOLD);
        WindowObservation w = articles("MD", 0, 12);
        assertEquals(1, d.update(Obs.open(Obs.withArticles(w, 10))).size(), "early firing at 10");
        assertEquals(0, d.update(Obs.open(Obs.withArticles(w, 11))).size(), "one emission per open window");
        assertEquals(0, d.close(w).size(), "close adds nothing: same severity");
        WindowObservation w2 = articles("MD", 1, 25);
        assertEquals(0, d.update(Obs.open(Obs.withArticles(w2, 12))).size(), "an open incident is not updated early");
        List<AlertEvent> atClose = d.close(w2);
        assertEquals(1, atClose.size(), "the window's one update comes at its close, with the final count");
        assertEquals(Alert.Severity.CRITICAL, atClose.get(0).severity(), "25 >= 2 x 10");
        assertEquals(25, atClose.get(0).articles());
        assertEquals(List.of("firing:0", "firing:1"), statuses(d.events));
    }

    @Test
    void perCountryThresholdOverride() throws IOException {
        RulesConfig c = config("""
                spike: {enabled: false}
                share: {enabled: false}
                threshold: {articles: 10, countries: {MD: 30}}
                """);
        Driver md = new Driver(new RuleEngine(c, ElectionCalendar.empty()), "MD");
        Driver ro = new Driver(new RuleEngine(c, ElectionCalendar.empty()), "RO");
        md.close(articles("MD", 0, 20));
        ro.close(articles("RO", 0, 20));
        assertTrue(md.of(RuleKind.THRESHOLD).isEmpty());
        assertEquals(1, ro.of(RuleKind.THRESHOLD).size());
    }

    @Test
    void incidentsOfACountryThatWentSilentResolveAtItsNextWindow() throws IOException {
        Driver d = driver(ONLY_THRESHOLD);
        d.close(articles("MD", 0, 15));
        List<AlertEvent> later = d.close(articles("MD", 10, 1));   // nine empty hours in between
        assertEquals(List.of("resolved:1"), statuses(later));
        assertEquals(hour(2), later.get(0).windowStart(), "resolved by the second (filled-in) empty window");
    }

    // ---- pre-election --------------------------------------------------------------------------------------

    @Test
    void beforeAnElectionTheThresholdIsLoweredAndTheSeverityRaised() throws IOException {
        RulesConfig c = config(ONLY_THRESHOLD);
        ElectionCalendar cal = new ElectionCalendar(List.of(
                new ElectionCalendar.Election("MD", LocalDate.parse("2026-02-01"), "parliamentary")));
        Driver d = new Driver(new RuleEngine(c, cal), "MD");
        d.close(articles("MD", 0, 7));   // 2026-01-05: within 6 weeks; threshold ceil(10 x 0.67) = 7
        assertEquals(1, d.events.size());
        assertEquals(7, d.events.get(0).threshold());
        assertEquals(Alert.Severity.CRITICAL, d.events.get(0).severity(), "warning raised one step");
        assertTrue(d.events.get(0).summary().contains("lowered from 10"), d.events.get(0).summary());

        Driver far = new Driver(new RuleEngine(c, new ElectionCalendar(List.of(
                new ElectionCalendar.Election("MD", LocalDate.parse("2026-06-01"), "parliamentary")))), "MD");
        far.close(articles("MD", 0, 7));
        assertTrue(far.events.isEmpty());
    }

    // ---- spike ---------------------------------------------------------------------------------------------

    private static final String ONLY_SPIKE = """
            threshold: {enabled: false}
            share: {enabled: false}
            narrative: {enabled: false}
            new_actor: {enabled: false}
            """;

    private static void steady(Driver d, String country, int fromHour, int toHour, int day, int night) {
        for (int h = fromHour; h < toHour; h++) {
            int hod = h % 24;
            d.close(articles(country, h, hod >= 8 && hod < 20 ? day : night));
        }
    }

    @Test
    void spikeIsSilentDuringWarmUpThenFiresAgainstTheHourOfDayBaseline() throws IOException {
        Driver d = driver(ONLY_SPIKE);
        d.close(articles("MD", 0, 4));
        d.close(articles("MD", 1, 60));   // 15x, but the baseline is cold
        steady(d, "MD", 2, 72, 8, 1);
        assertTrue(d.events.isEmpty(), "no spike during the 48 h warm-up: " + d.events);
        // 10:00 on day 4: normal is 8; 40 is a spike
        d.close(articles("MD", 72 + 10, 40));
        assertEquals(List.of("firing:0"), statuses(d.events));
        AlertEvent e = d.events.get(0);
        assertEquals(RuleKind.SPIKE, e.rule());
        assertTrue(e.expected() > 6 && e.expected() < 10, "expected ~8, got " + e.expected());
        assertTrue(e.threshold() <= 40 && e.threshold() >= 3 * e.expected(), "fires from >= 3 x expected: " + e.threshold());
        assertTrue(e.summary().startsWith("Spike in coverage of MD: 40 articles"), e.summary());
    }

    @Test
    void theNightIsJudgedAgainstTheNightNotTheDay() throws IOException {
        Driver d = driver(ONLY_SPIKE);
        steady(d, "MD", 0, 96, 8, 1);
        d.close(articles("MD", 96 + 2, 12));    // 02:00: 12 is ordinary by day, 12x by night
        assertEquals(1, d.of(RuleKind.SPIKE).size());
        Driver day = driver(ONLY_SPIKE);
        steady(day, "MD", 0, 96, 8, 1);
        day.close(articles("MD", 96 + 12, 12));
        assertTrue(day.events.isEmpty());
    }

    @Test
    void smallOrModestIncreasesDoNotFire() throws IOException {
        Driver d = driver(ONLY_SPIKE);
        steady(d, "MD", 0, 96, 8, 1);
        d.close(articles("MD", 96 + 3, 4));    // 4x at night but below min_count 5
        d.close(articles("MD", 96 + 12, 20));  // 2.5x by day: below min_ratio 3
        assertTrue(d.events.isEmpty(), d.events.toString());
    }

    @Test
    void aSurgeDoesNotPoisonTheBaseline() throws IOException {
        Driver d = driver(ONLY_SPIKE);
        steady(d, "MD", 0, 96, 8, 1);
        d.close(articles("MD", 96 + 10, 200));
        d.close(articles("MD", 96 + 11, 200));
        steady(d, "MD", 96 + 12, 96 + 24 + 10, 8, 1);
        assertEquals(List.of("firing:0", "firing:1", "resolved:2"), statuses(d.events));
        double expected = d.events.get(0).expected();
        d.close(articles("MD", 96 + 24 + 10, 40));   // the same hour next day: still a spike
        assertEquals(4, d.events.size());
        AlertEvent second = d.events.get(3);
        assertEquals(Alert.Status.FIRING, second.status());
        assertTrue(second.expected() < 1.5 * expected,
                "baseline rose from " + expected + " to " + second.expected() + " after a 200-article surge");
    }

    @Test
    void spikeFiresEarlyInAnOpenWindowOnceThePartialCountSuffices() throws IOException {
        Driver d = driver(ONLY_SPIKE);
        steady(d, "MD", 0, 96, 8, 1);
        WindowObservation w = articles("MD", 96 + 10, 60);
        assertTrue(d.update(Obs.open(Obs.withArticles(w, 12))).isEmpty(), "12 may still be normal");
        assertEquals(1, d.update(Obs.open(Obs.withArticles(w, 35))).size());
        assertTrue(d.update(Obs.open(Obs.withArticles(w, 50))).isEmpty(), "one emission per open window");
        List<AlertEvent> atClose = d.close(w);
        assertEquals(1, atClose.size(), "the close re-emits only because the severity rose");
        assertEquals(Alert.Severity.WARNING, d.events.get(0).severity());
        assertEquals(Alert.Severity.CRITICAL, atClose.get(0).severity());
        assertEquals(60, atClose.get(0).articles());
        WindowObservation next = articles("MD", 96 + 11, 36);
        assertTrue(d.update(Obs.open(next)).isEmpty(), "an open incident is not updated early");
        assertEquals(1, d.close(next).size(), "it is updated once per window, at the close");
        assertEquals(List.of("firing:0", "firing:1", "firing:2"), statuses(d.events));
    }

    @Test
    void anOpenWindowStartingANewDayWaitsForItsOwnLevelUnlessTheCountIsFarOut() throws IOException {
        Driver d = driver(ONLY_SPIKE);
        for (int h = 0; h < 96; h++) {   // the same days as above, with the feeds' totals known: a level is measured
            int hod = h % 24;
            d.close(Obs.full("MD", h, hod >= 8 && hod < 20 ? 8 : 1, 0, 100, List.of()));
        }
        WindowObservation w = Obs.full("MD", 96 + 10, 60, 0, 160, List.of());
        assertTrue(d.update(Obs.open(Obs.withArticles(w, 35))).isEmpty(),
                "35 against 8 fires early on the day of the latest level (above), not on a new day: that level may be 2x off");
        assertEquals(1, d.update(Obs.open(Obs.withArticles(w, 60))).size(), "60 against 8 is news at any level");
        assertEquals(1, d.close(w).size(), "the close judges at the window's own level: critical now");
    }

    // ---- share ---------------------------------------------------------------------------------------------

    private static final String ONLY_SHARE = """
            threshold: {enabled: false}
            spike: {enabled: false}
            narrative: {enabled: false}
            new_actor: {enabled: false}
            """;

    @Test
    void shareFiresWhenTheCountryPullsTheCoverageButNotWhenEveryoneRises() throws IOException {
        Driver d = driver(ONLY_SHARE);
        for (int h = 0; h < 96; h++) {
            d.close(full("MD", h, 5, 0, 100, List.of()));
        }
        d.close(full("MD", 96, 10, 0, 200, List.of()));   // feeds doubled: everyone rises, share unchanged
        d.close(full("MD", 97, 5, 0, -1, List.of()));     // unknown total: silent
        assertTrue(d.events.isEmpty(), d.events.toString());
        d.close(full("MD", 98, 40, 0, 135, List.of()));   // MD pulls 30% of the coverage instead of 5%
        assertEquals(1, d.of(RuleKind.SHARE).size());
        assertTrue(d.events.get(0).summary().contains("share of coverage"), d.events.get(0).summary());
    }

    @Test
    void shareIsSilentWhenTheTotalIsSmall() throws IOException {
        Driver d = driver(ONLY_SHARE);
        for (int h = 0; h < 96; h++) {
            d.close(full("MD", h, 1, 0, 20, List.of()));
        }
        d.close(full("MD", 96, 30, 0, 40, List.of()));   // total below min_total 50
        assertTrue(d.events.isEmpty());
    }

    // ---- narrative -----------------------------------------------------------------------------------------

    @Test
    void aModerateSurgeOverTwoWindowsIsSeenInItsSecondButOneWindowOrLessThanThreeFoldIsNot() throws IOException {
        int day = 21 * 24;                                       // three weeks at 3 an hour by day, 1 by night
        Driver d = driver(ONLY_SPIKE);
        steady(d, "MD", 0, day, 3, 1);
        d.close(articles("MD", day + 10, 12));   // 4x the 3 expected: not surprising enough alone (p ~ 1e-4)
        assertTrue(d.events.isEmpty(), d.events.toString());
        d.close(articles("MD", day + 11, 12));   // twice in a row: 24 against ~6.5 is
        assertEquals(List.of("firing:0"), statuses(d.events));
        AlertEvent e = d.events.get(0);
        assertEquals(Obs.hour(day + 11), e.windowStart());
        assertTrue(e.summary().startsWith("Spike in coverage of MD: 24 articles in the 2 windows to"), e.summary());
        assertTrue(e.threshold() <= 12 && e.threshold() >= 3 * e.expected(), "threshold " + e.threshold());

        Driver once = driver(ONLY_SPIKE);                        // one such window, then a normal one: nothing
        steady(once, "MD", 0, day, 3, 1);
        once.close(articles("MD", day + 10, 12));
        once.close(articles("MD", day + 11, 4));
        assertTrue(once.events.isEmpty(), once.events.toString());
        Driver modest = driver(ONLY_SPIKE);                      // 2.7x twice: below min_ratio in each window
        steady(modest, "MD", 0, day, 3, 1);
        modest.close(articles("MD", day + 10, 8));
        modest.close(articles("MD", day + 11, 8));
        assertTrue(modest.events.isEmpty(), modest.events.toString());
        Driver alone = driver(ONLY_SPIKE + "spike: {horizon_windows: 1}\n");   // the window alone, as before
        steady(alone, "MD", 0, day, 3, 1);
        alone.close(articles("MD", day + 10, 12));
        alone.close(articles("MD", day + 11, 12));
        assertTrue(alone.events.isEmpty(), alone.events.toString());
    }

    private static final String ONLY_NARRATIVE = """
            threshold: {enabled: false}
            spike: {enabled: false}
            share: {enabled: false}
            new_actor: {enabled: false}
            """;

    @Test
    void aSlowBurnAboutACountryWithoutAnyIsSeenBeforeItEndsButStrayArticlesAreNot() throws IOException {
        Driver d = driver(ONLY_NARRATIVE);
        int h0 = 16 * 24 + 13;                                   // 16 days without any, then 1, 2, 1, 1 an hour
        for (int h = 0; h < h0; h++) {
            d.close(full("MD", h, 2, 0, -1, List.of()));
        }
        int[] burst = {1, 2, 1, 1};
        for (int i = 0; i < burst.length; i++) {
            d.close(full("MD", h0 + i, 4, burst[i], -1, List.of()));
        }
        assertEquals(1, d.of(RuleKind.NARRATIVE).stream().map(AlertEvent::alertId).distinct().count(), d.events.toString());
        AlertEvent e = d.events.get(0);
        assertEquals(0, e.update(), "the incident opens with the first event");
        assertTrue(e.summary().contains("building up about MD"), e.summary());
        assertTrue(e.windowStart().isBefore(Obs.hour(h0 + burst.length - 1)), "seen in its third window at the latest: " + e);

        Driver stray = driver(ONLY_NARRATIVE);                   // one, then another five hours later: nothing
        for (int h = 0; h < h0 + 12; h++) {
            stray.close(full("MD", h, 2, h == h0 || h == h0 + 5 ? 1 : 0, -1, List.of()));
        }
        assertTrue(stray.events.isEmpty(), stray.events.toString());
    }

    @Test
    void narrativeSurgeOfStateLinkedFraudClaimsIsCritical() throws IOException {
        Driver d = driver("""
                threshold: {enabled: false}
                spike: {enabled: false}
                share: {enabled: false}
                new_actor: {enabled: false}
                """);
        for (int h = 0; h < 96; h++) {
            d.close(full("MD", h, 6, h % 24 == 9 ? 1 : 0, -1, List.of()));
        }
        d.close(full("MD", 96, 8, 2, -1, List.of()));   // two: not enough
        assertTrue(d.events.isEmpty());
        d.close(full("MD", 97, 14, 8, -1, List.of()));
        assertEquals(1, d.events.size());
        AlertEvent e = d.events.get(0);
        assertEquals(RuleKind.NARRATIVE, e.rule());
        assertEquals(Alert.Severity.CRITICAL, e.severity());
        assertEquals(8, e.articles());
        assertTrue(e.summary().startsWith("Election-fraud narrative from state-linked sources surging about MD"),
                e.summary());
    }

    // ---- new_actor -----------------------------------------------------------------------------------------

    private static final String ONLY_NEW_ACTOR = """
            threshold: {enabled: false}
            spike: {enabled: false}
            share: {enabled: false}
            narrative: {enabled: false}
            new_actor: {look_back_days: 3}
            """;

    private static MentionWindow.ActorCount actor(String id, int n) {
        return new MentionWindow.ActorCount(id, id.toUpperCase(), "RU", ActorKind.STATE_MEDIA, n);
    }

    @Test
    void newActorIsSilentUntilOneLookBackHasBeenWatchedThenFiresOnUnseenPairs() throws IOException {
        Driver d = driver(ONLY_NEW_ACTOR);
        d.close(full("MD", 0, 3, 0, -1, List.of(actor("rt", 2))));
        d.close(full("MD", 50, 3, 0, -1, List.of(actor("sputnik", 3))));   // new, but not armed yet (50 h < 72 h)
        assertTrue(d.events.isEmpty());
        d.close(full("MD", 72, 3, 0, -1, List.of(actor("rt", 2), actor("sputnik", 2))));   // both seen
        assertTrue(d.events.isEmpty());
        d.close(full("MD", 73, 3, 0, -1, List.of(actor("tass", 1))));   // below min_articles; but now seen
        d.close(full("MD", 74, 4, 0, -1, List.of(actor("tass", 3), actor("pravfond", 2))));
        assertEquals(1, d.events.size());
        AlertEvent e = d.events.get(0);
        assertEquals(List.of("pravfond"), e.topActors().stream().map(MentionWindow.ActorCount::id).toList());
        assertEquals(RuleKind.NEW_ACTOR, e.rule());
        assertTrue(e.summary().contains("PRAVFOND (pravfond, RU state_media, 2 articles)"), e.summary());
    }

    @Test
    void pairsOlderThanTheLookBackAreForgottenAndNewAgain() throws IOException {
        Driver d = driver(ONLY_NEW_ACTOR);
        d.close(full("MD", 0, 3, 0, -1, List.of(actor("rt", 2))));
        d.close(full("MD", 10, 3, 0, -1, List.of(actor("sputnik", 2))));
        d.close(full("MD", 80, 3, 0, -1, List.of()));
        assertEquals(List.of("sputnik"), d.state.actors().stream().map(ActorSeen::id).toList(), "rt evicted");
        d.close(full("MD", 83, 3, 0, -1, List.of()));
        assertEquals(List.of(), d.state.actors(), "both pairs evicted after 3 days");
        d.close(full("MD", 84, 3, 0, -1, List.of(actor("rt", 2))));
        assertEquals(1, d.of(RuleKind.NEW_ACTOR).size());
        assertEquals(List.of("rt"), d.state.actors().stream().map(ActorSeen::id).toList());
    }

    // ---- determinism and replays ---------------------------------------------------------------------------

    @Test
    void aReplayedCloseIsIgnored() throws IOException {
        Driver d = driver(ONLY_THRESHOLD);
        d.close(articles("MD", 0, 12));
        CountryState before = d.state;
        assertTrue(d.close(articles("MD", 0, 12)).isEmpty());
        assertEquals(before, d.state);
    }

    @Test
    void aStateWithoutIncidentsHasNoneAndIncidentsAreKeyedByRule() throws IOException {
        Driver d = driver(ONLY_THRESHOLD);
        assertTrue(d.state.incident(RuleKind.THRESHOLD).isEmpty());
        d.close(articles("MD", 0, 12));
        IncidentState inc = d.state.incident(RuleKind.THRESHOLD).orElseThrow();
        assertEquals(hour(0), inc.firstWindowStart());
        assertEquals(0, inc.updates());
        assertNull(d.events.get(0).expected());
    }

    // ---- the feeds' level ---------------------------------------------------------------------------------

    @Test
    void aFeedDoublingEveryCountryDoesNotSpikeButOneCountryDoublingAloneDoes() throws IOException {
        Driver d = driver("threshold: {enabled: false}\nshare: {enabled: false}\n");
        int h = 0;
        for (; h < 24 * 7; h++) {
            d.close(full("MD", h, 4, 0, 204, List.of()));   // MD 4 of 204: the others send 200
        }
        for (int i = 0; i < 6; i++, h++) {   // a feed added: everyone x3
            d.close(full("MD", h, 12, 0, 612, List.of()));
        }
        assertEquals(List.of(), d.of(RuleKind.SPIKE), "3x for everyone is the feeds, not news");
        for (int i = 0; i < 24 * 7; i++, h++) {
            d.close(full("MD", h, 4, 0, 204, List.of()));
        }
        d.close(full("MD", h, 20, 0, 220, List.of()));   // MD alone x5, the others as usual
        assertEquals(1, d.of(RuleKind.SPIKE).size(), d.events.toString());
    }
}

package org.influencemonitor.app.scenario;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.influencemonitor.app.scenario.ArticleScenario.Country;
import org.influencemonitor.app.scenario.ArticleScenario.Flavour;
import org.influencemonitor.app.scenario.ArticleScenario.Item;
import org.influencemonitor.app.scenario.ArticleScenario.Kind;
import org.influencemonitor.app.scenario.ArticleScenario.Outlet;
import org.influencemonitor.app.scenario.ArticleScenario.Scenario;
import org.influencemonitor.app.scenario.ArticleScenario.Surge;

/**
 * The article-level form of the processor's {@code OperationsScenario}: the messier side of operations,
 * as real articles for the real tagger and topology. Four weeks of the dozen countries of
 * {@link ArticleScenario} with a weekly cycle on top of the daily one, delivered by feeds that change
 * under the rules:
 * <ul>
 *   <li>two feeds from the start ({@link #WIRES} and {@link #PAPERS}, half the volume each);</li>
 *   <li>{@link #EXTRA}, added at {@link #ADDED}: every country's volume doubles, for a week;</li>
 *   <li>removed again at {@link #REMOVED}: every country's volume halves;</li>
 *   <li>{@link #WIRES} silent for {@link #OUTAGE_HOURS} hours from {@link #OUTAGE}: an outage, not news.</li>
 * </ul>
 * Injected: peak and night surges (one after each change), a small-country night surge, a fast narrative
 * and a slow-burning one (volume doubled for four hours with one to three state-linked fraud-claim
 * articles an hour, about a country that has had none: its background has no state-outlet fraud claims).
 * A surge is news: every feed that is up reports it, in the feeds' proportions.
 */
final class OperationsArticleScenario {
    static final Instant START = ArticleScenario.DEFAULT_START;   // a Monday
    static final int DAYS = 28;
    static final Instant ADDED = at(12, 10);
    static final Instant REMOVED = at(19, 14);
    static final Instant OUTAGE = at(23, 8);
    static final int OUTAGE_HOURS = 12;
    static final int SLOW_HOURS = 4;
    /** The country of the slow narrative: no state-linked fraud claims about it in the background. */
    static final String QUIET_NARRATIVE = "LT";

    static final List<Outlet> WIRES = ArticleScenario.OUTLETS.subList(0, 4);
    static final List<Outlet> PAPERS = ArticleScenario.OUTLETS.subList(4, 8);
    static final List<Outlet> EXTRA = List.of(new Outlet("ft.com", "Financial Times"), new Outlet("npr.org", "NPR"),
            new Outlet("bloomberg.com", "Bloomberg"), new Outlet("thetimes.co.uk", "The Times"));

    /** The share of the whole news flow on each day of the week, Monday first (busy Mondays, quiet weekends). */
    static final Map<DayOfWeek, Double> WEEKLY = Map.of(DayOfWeek.MONDAY, 1.15, DayOfWeek.TUESDAY, 1.0,
            DayOfWeek.WEDNESDAY, 1.0, DayOfWeek.THURSDAY, 1.0, DayOfWeek.FRIDAY, 1.0, DayOfWeek.SATURDAY, 0.55,
            DayOfWeek.SUNDAY, 0.5);

    private OperationsArticleScenario() {
    }

    static Instant at(int day, int hour) {
        return START.plus(Duration.ofDays(day)).plus(Duration.ofHours(hour));
    }

    /** The changes that are not news: when each starts. */
    static List<Instant> steps() {
        return List.of(ADDED, REMOVED, OUTAGE);
    }

    static List<Surge> surges() {
        List<Surge> s = new ArrayList<>();
        s.add(peak("DE", 8));
        s.add(night("MD", 9));
        s.add(new Surge("GE", Kind.NARRATIVE, at(10, 14), ArticleScenario.SURGE_HOURS));
        s.add(peak("PL", 13));           // the day after the doubling
        s.add(night("RO", 15));
        s.add(peak("US", 20));           // the day after the halving
        s.add(night("BY", 21));          // a sparse country at night: one article every day or two
        s.add(new Surge(QUIET_NARRATIVE, Kind.SLOW_NARRATIVE, at(24, 10), SLOW_HOURS));   // the day after the outage
        // Peak surges are in countries of 3 or more articles an hour at their peak, as in the window-level
        // scenario: 5x a small country's Saturday peak (HU, 1.4 an hour) is +5.5 articles an hour, which the
        // rules cannot tell from noise within two windows at p 1e-6 (measured: seen in its third window or never).
        s.add(peak("FR", 25));
        s.sort(Comparator.comparing(Surge::start));
        return List.copyOf(s);
    }

    private static Surge peak(String code, int day) {
        Country c = ArticleScenario.country(code);
        return new Surge(code, Kind.PEAK, at(day, c.peakHour()), ArticleScenario.SURGE_HOURS);
    }

    private static Surge night(String code, int day) {
        Country c = ArticleScenario.country(code);
        return new Surge(code, Kind.NIGHT, at(day, c.quietHour()), ArticleScenario.SURGE_HOURS);
    }

    /** The feeds up at {@code t}. */
    static List<List<Outlet>> feeds(Instant t) {
        List<List<Outlet>> up = new ArrayList<>();
        if (t.isBefore(OUTAGE) || !t.isBefore(OUTAGE.plus(Duration.ofHours(OUTAGE_HOURS)))) {
            up.add(WIRES);
        }
        up.add(PAPERS);
        if (!t.isBefore(ADDED) && t.isBefore(REMOVED)) {
            up.add(EXTRA);
        }
        return up;
    }

    /** The share of the original volume each feed carries: the two first make it up, the added one doubles it. */
    static double weight(List<Outlet> feed) {
        return feed == EXTRA ? 1.0 : 0.5;
    }

    static Scenario generate(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Surge> surges = surges();
        List<Item> items = new ArrayList<>();
        int[] sequence = {0};
        for (int h = 0; h < DAYS * 24; h++) {
            Instant hour = START.plus(Duration.ofHours(h));
            ZonedDateTime utc = hour.atZone(ZoneOffset.UTC);
            double weekly = WEEKLY.get(utc.getDayOfWeek());
            List<List<Outlet>> feeds = feeds(hour);
            for (Country c : ArticleScenario.DOZEN) {
                double lambda = c.rate(utc.getHour()) * weekly;
                for (List<Outlet> feed : feeds) {
                    int background = ArticleScenario.poisson(random, lambda * weight(feed));
                    for (int i = 0; i < background; i++) {
                        Flavour f = ArticleScenario.backgroundFlavour(random);
                        if (c.code().equals(QUIET_NARRATIVE) && f == Flavour.STATE_OUTLET_FRAUD) {
                            f = Flavour.STATE_OUTLET;
                        }
                        items.add(ArticleScenario.article(random, c, hour, f, null, sequence, feed));
                    }
                }
                for (Surge s : surges) {
                    if (s.country().equals(c.code()) && s.covers(hour)) {
                        inject(random, c, hour, lambda, s, feeds, items, sequence);
                    }
                }
            }
        }
        items.sort(Comparator.comparing(Item::publishedAt));
        return new Scenario(seed, START, DAYS, ArticleScenario.DOZEN, surges, List.copyOf(items));
    }

    private static void inject(SplittableRandom random, Country c, Instant hour, double lambda, Surge s,
                               List<List<Outlet>> feeds, List<Item> items, int[] sequence) {
        if (s.kind() == Kind.SLOW_NARRATIVE) {
            // The slow burn comes from state outlets of their own, whatever the feeds do; the news doubles.
            int claims = 1 + random.nextInt(3);
            for (int i = 0; i < claims; i++) {
                items.add(ArticleScenario.article(random, c, hour, Flavour.SURGE_NARRATIVE, s, sequence, List.of()));
            }
            for (List<Outlet> feed : feeds) {
                int n = ArticleScenario.poisson(random, lambda * weight(feed));
                for (int i = 0; i < n; i++) {
                    items.add(ArticleScenario.article(random, c, hour, Flavour.SURGE_NEWS, s, sequence, feed));
                }
            }
            return;
        }
        double extra = switch (s.kind()) {
            case PEAK -> lambda * (ArticleScenario.PEAK_FACTOR - 1);
            case NIGHT -> ArticleScenario.NIGHT_EXTRA;
            case NARRATIVE -> ArticleScenario.NARRATIVE_EXTRA;
            case SLOW_NARRATIVE -> throw new AssertionError();
        };
        Flavour flavour = s.kind() == Kind.NARRATIVE ? Flavour.SURGE_NARRATIVE : Flavour.SURGE_NEWS;
        for (List<Outlet> feed : feeds) {
            int n = ArticleScenario.poisson(random, extra * weight(feed));
            for (int i = 0; i < n; i++) {
                items.add(ArticleScenario.article(random, c, hour, flavour, s, sequence, feed));
            }
        }
    }
}

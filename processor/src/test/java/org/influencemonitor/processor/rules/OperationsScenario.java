package org.influencemonitor.processor.rules;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.influencemonitor.model.Alert;

/**
 * A seeded synthetic stream of hourly windows for the messier side of operations: 30 countries from 30 to
 * 0.4 articles an hour, a daily and a weekly cycle (Mondays busier, weekends at about half), several feeds,
 * and the changes that are not news: a new feed doubling every country's volume for good (day 21), that
 * feed removed again (a halving, day 42), and a 12-hour outage of the biggest feed (day 33). Injected into
 * that: sharp surges at the peak hour and at night, small-country night surges of about 10 articles an hour,
 * fast narrative surges, and slow-burning narrative bursts (volume doubled for four hours, 1–3 state-linked
 * fraud-claim articles an hour about a country that has had none for weeks). Windows without articles are
 * left out, as the real counter never emits them.
 */
final class OperationsScenario {
    static final Instant START = Instant.parse("2026-03-02T00:00:00Z");   // a Monday
    static final int WEEKS = 8;
    static final double AMPLITUDE = 0.8;
    static final double FRAUD_SHARE = 0.05;
    static final double STATE_LINKED_SHARE = 0.3;
    static final Instant DOUBLING = START.plus(Duration.ofDays(21)).plus(Duration.ofHours(10));
    static final Instant HALVING = START.plus(Duration.ofDays(42)).plus(Duration.ofHours(14));
    static final Instant OUTAGE = START.plus(Duration.ofDays(33)).plus(Duration.ofHours(8));
    static final int OUTAGE_HOURS = 12;
    static final String NEW_FEED = "newswire-2";
    static final String OUTAGE_FEED = "newswire-1";
    /** The feeds and their share of every country's articles; the new feed brings as much again as all of them. */
    static final Map<String, Double> FEEDS = feeds();

    enum Kind {
        /** 5x at the country's busiest hour, 3 hours. */
        PEAK,
        /** 5x but at least +15/h at the quietest hour, 3 hours. */
        NIGHT,
        /** +10/h at the quietest hour of a small country, 3 hours. */
        SMALL_NIGHT,
        /** +10 state-linked fraud-claim articles an hour, 3 hours. */
        NARRATIVE,
        /** volume doubled, 1–3 state-linked fraud-claim articles an hour, 4 hours, about a country without any before. */
        SLOW_NARRATIVE;

        boolean narrative() {
            return this == NARRATIVE || this == SLOW_NARRATIVE;
        }

        int hours() {
            return this == SLOW_NARRATIVE ? 4 : 3;
        }
    }

    /** mean: articles per hour over a weekday; quietNarrative: no state-linked fraud claims in the background. */
    record Country(String code, double mean, int peakHour, boolean quietNarrative) {
        int quietHour() {
            return (peakHour + 12) % 24;
        }
    }

    record Surge(String country, Kind kind, Instant start) {
        int hours() {
            return kind.hours();
        }

        boolean covers(Instant windowStart) {
            return !windowStart.isBefore(start) && windowStart.isBefore(start.plus(Duration.ofHours(hours())));
        }
    }

    /** Articles per feed over all countries in one window. */
    record FeedWindow(Instant windowStart, Map<String, Integer> articles) {
    }

    record Scenario(long seed, int hours, List<Country> countries, List<Surge> surges,
                    List<WindowObservation> windows, List<FeedWindow> feeds) {
        double countryWeeks() {
            return countries.size() * hours / (24.0 * 7);
        }
    }

    static final List<Country> COUNTRIES = List.of(
            new Country("US", 30, 17, false), new Country("GB", 18, 11, false), new Country("DE", 14, 10, false),
            new Country("FR", 12, 11, false), new Country("IN", 12, 6, false), new Country("PH", 10, 3, false),
            new Country("BR", 9, 16, false), new Country("UA", 8, 8, false), new Country("PL", 6, 9, false),
            new Country("JP", 6, 2, false), new Country("MX", 5, 18, false), new Country("RO", 4, 9, false),
            new Country("IT", 4, 10, false), new Country("ES", 4, 10, false), new Country("TR", 3, 8, false),
            new Country("HU", 3, 10, false), new Country("KR", 3, 2, false), new Country("NG", 2.5, 10, false),
            new Country("MD", 2, 8, false), new Country("ZA", 2, 10, false), new Country("GE", 1.5, 7, false),
            new Country("RS", 1.5, 9, false), new Country("LT", 1, 9, false), new Country("LV", 1, 9, true),
            new Country("EE", 0.8, 9, true), new Country("AM", 0.8, 7, false), new Country("AZ", 0.6, 7, false),
            new Country("BY", 0.5, 8, false), new Country("KZ", 0.5, 5, true), new Country("MK", 0.4, 9, true));

    private final long seed;

    OperationsScenario(long seed) {
        this.seed = seed;
    }

    static Country country(String code) {
        return COUNTRIES.stream().filter(c -> c.code().equals(code)).findFirst().orElseThrow();
    }

    private static Map<String, Double> feeds() {
        Map<String, Double> f = new LinkedHashMap<>();
        f.put(OUTAGE_FEED, 0.5);
        f.put("regional", 0.3);
        f.put("agency", 0.2);
        f.put(NEW_FEED, 1.0);
        return f;
    }

    /** Fixed days and hours; only the noise depends on the seed. */
    static List<Surge> surges() {
        List<Surge> s = new ArrayList<>();
        s.add(at("DE", Kind.PEAK, 10, country("DE").peakHour()));
        s.add(at("IN", Kind.PEAK, 17, country("IN").peakHour()));
        s.add(at("PL", Kind.PEAK, 24, country("PL").peakHour()));    // after the doubling
        s.add(at("RO", Kind.PEAK, 45, country("RO").peakHour()));    // after the halving
        s.add(at("TR", Kind.PEAK, 50, country("TR").peakHour()));
        s.add(at("MD", Kind.NIGHT, 12, country("MD").quietHour()));
        s.add(at("UA", Kind.NIGHT, 27, country("UA").quietHour()));
        s.add(at("HU", Kind.NIGHT, 47, country("HU").quietHour()));
        s.add(at("AM", Kind.SMALL_NIGHT, 14, country("AM").quietHour()));
        s.add(at("LT", Kind.SMALL_NIGHT, 31, country("LT").quietHour()));
        s.add(at("BY", Kind.SMALL_NIGHT, 44, country("BY").quietHour()));
        s.add(at("AZ", Kind.SMALL_NIGHT, 53, country("AZ").quietHour()));   // a Saturday night
        s.add(at("GE", Kind.NARRATIVE, 19, 14));
        s.add(at("MD", Kind.NARRATIVE, 38, 6));
        s.add(at("LV", Kind.SLOW_NARRATIVE, 16, 13));
        s.add(at("MK", Kind.SLOW_NARRATIVE, 29, 9));
        s.add(at("EE", Kind.SLOW_NARRATIVE, 36, 20));
        s.add(at("KZ", Kind.SLOW_NARRATIVE, 40, 2));
        return List.copyOf(s);
    }

    private static Surge at(String country, Kind kind, int day, int hour) {
        return new Surge(country, kind, START.plus(Duration.ofDays(day)).plus(Duration.ofHours(hour)));
    }

    static double weekly(Instant t) {
        DayOfWeek day = t.atOffset(ZoneOffset.UTC).getDayOfWeek();
        return switch (day) {
            case MONDAY -> 1.15;
            case SATURDAY -> 0.55;
            case SUNDAY -> 0.5;
            default -> 1.0;
        };
    }

    static double rate(Country c, Instant t) {
        int hour = t.atOffset(ZoneOffset.UTC).getHour();
        double shape = 1 + AMPLITUDE * Math.cos(2 * Math.PI * (hour - c.peakHour()) / 24.0);
        return c.mean() * shape * weekly(t);
    }

    /** The share of the background a feed carries at {@code t} (relative to the original volume). */
    static double feedWeight(String feed, Instant t) {
        if (feed.equals(NEW_FEED)) {
            return !t.isBefore(DOUBLING) && t.isBefore(HALVING) ? FEEDS.get(feed) : 0;
        }
        if (feed.equals(OUTAGE_FEED) && !t.isBefore(OUTAGE) && t.isBefore(OUTAGE.plus(Duration.ofHours(OUTAGE_HOURS)))) {
            return 0;
        }
        return FEEDS.get(feed);
    }

    static boolean inOutage(Instant t) {
        return !t.isBefore(OUTAGE) && t.isBefore(OUTAGE.plus(Duration.ofHours(OUTAGE_HOURS)));
    }

    Scenario generate() {
        SplittableRandom random = new SplittableRandom(seed);
        int hours = WEEKS * 7 * 24;
        List<Surge> surges = surges();
        List<WindowObservation> out = new ArrayList<>();
        List<FeedWindow> feedWindows = new ArrayList<>();
        for (int h = 0; h < hours; h++) {
            Instant t = START.plus(Duration.ofHours(h));
            Map<String, Integer> perFeed = new LinkedHashMap<>();
            FEEDS.keySet().forEach(f -> perFeed.put(f, 0));
            int[][] counts = new int[COUNTRIES.size()][];
            int total = 0;
            for (int i = 0; i < COUNTRIES.size(); i++) {
                Country c = COUNTRIES.get(i);
                double lambda = rate(c, t);
                double extraArticles = 0;
                double stateLinkedRate = c.quietNarrative() ? 0 : lambda * FRAUD_SHARE * STATE_LINKED_SHARE;
                int forcedStateLinked = 0;
                for (Surge s : surges) {
                    if (!s.country().equals(c.code()) || !s.covers(t)) {
                        continue;
                    }
                    switch (s.kind()) {
                        case PEAK -> extraArticles += lambda * 4;
                        case NIGHT -> extraArticles += Math.max(lambda * 4, 15);
                        case SMALL_NIGHT -> extraArticles += 10;
                        case NARRATIVE -> stateLinkedRate += 10;
                        case SLOW_NARRATIVE -> {
                            extraArticles += lambda;
                            forcedStateLinked += 1 + random.nextInt(3);
                        }
                    }
                }
                // A surge is news, reported by every feed that is up, in the feeds' proportions.
                int articles = 0;
                int stateLinked = 0;
                int fraud = 0;
                for (String feed : FEEDS.keySet()) {
                    double w = feedWeight(feed, t);
                    if (w == 0) {
                        continue;
                    }
                    int a = ScenarioGenerator.poisson(random, (lambda + extraArticles) * w);
                    int sl = ScenarioGenerator.poisson(random, stateLinkedRate * w);
                    int fr = ScenarioGenerator.poisson(random, lambda * w * FRAUD_SHARE * (1 - STATE_LINKED_SHARE));
                    int n = a + sl + fr;
                    articles += n;
                    stateLinked += sl;
                    fraud += fr + sl;
                    perFeed.merge(feed, n, Integer::sum);
                }
                if (forcedStateLinked > 0) {
                    // The slow burn comes from a state outlet of its own, whatever the feeds do.
                    stateLinked += forcedStateLinked;
                    fraud += forcedStateLinked;
                    articles += forcedStateLinked;
                    perFeed.merge("agency", forcedStateLinked, Integer::sum);
                }
                counts[i] = new int[] {articles, fraud, stateLinked};
                total += articles;
            }
            feedWindows.add(new FeedWindow(t, Map.copyOf(perFeed)));
            for (int i = 0; i < COUNTRIES.size(); i++) {
                int[] n = counts[i];
                if (n[0] == 0) {
                    continue;
                }
                String code = COUNTRIES.get(i).code();
                out.add(new WindowObservation(code, t, t.plus(Duration.ofHours(1)), true, n[0], n[0] + n[0] / 3, n[1],
                        n[2], List.of(), total, List.of(new Alert.Evidence(code + "-" + h + "-1", "Report about " + code,
                        "https://news.example/" + code.toLowerCase() + "/" + h))));
            }
        }
        return new Scenario(seed, hours, COUNTRIES, surges, out, feedWindows);
    }
}

package org.influencemonitor.processor.rules;

import org.influencemonitor.model.MentionWindow;
import org.influencemonitor.model.ActorKind;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.influencemonitor.model.Alert;

/**
 * A seeded synthetic stream of hourly windows: weeks of steady background for a dozen countries with a
 * daily cycle (busy day, quiet night, peak hour by time zone), a weekly cycle (weekends at 75%) and Poisson
 * noise, plus injected surges in four of them. Windows without articles are left out, as the real counter
 * never emits them.
 */
final class ScenarioGenerator {
    static final Instant START = Instant.parse("2026-03-02T00:00:00Z");   // a Monday
    static final int DEFAULT_WEEKS = 6;
    static final double AMPLITUDE = 0.8;          // peak = 1.8 x mean, trough = 0.2 x mean
    static final double WEEKEND = 0.75;
    static final double FRAUD_SHARE = 0.05;        // articles carrying election_fraud_claim
    static final double STATE_LINKED_SHARE = 0.3;  // of those, from state-linked sources or actors
    static final double ACTOR_SHARE = 0.04;        // articles naming each background actor
    static final double SURGE_FACTOR = 5.0;        // "several-fold"
    static final double NIGHT_SURGE_MIN_EXTRA = 15; // a night surge adds at least this many articles per hour
    static final double NARRATIVE_SURGE_RATE = 10;  // extra state-linked fraud-claim articles per hour
    static final int SURGE_HOURS = 3;

    enum Kind { PEAK, NIGHT, NARRATIVE }

    /** mean: articles per hour over the day; peakHour: UTC hour of the daily maximum. */
    record Country(String code, double mean, int peakHour, List<String> actors, boolean steady) {
        int quietHour() {
            return (peakHour + 12) % 24;
        }
    }

    /** An injected surge: {@code hours} windows from {@code start}; a narrative surge may bring a new actor. */
    record Surge(String country, Kind kind, Instant start, int hours, String newActor) {
        boolean covers(Instant windowStart) {
            return !windowStart.isBefore(start) && windowStart.isBefore(start.plus(Duration.ofHours(hours)));
        }
    }

    record Scenario(long seed, Instant start, int hours, List<Country> countries, List<Surge> surges,
                    List<WindowObservation> windows) {
    }

    static final List<Country> COUNTRIES = List.of(
            new Country("US", 20, 17, List.of("rt", "sputnik", "cgtn"), true),
            new Country("DE", 12, 10, List.of("rt", "sputnik", "doppelganger"), false),
            new Country("FR", 10, 11, List.of("rt", "sputnik", "africa_corps"), true),
            new Country("UA", 8, 8, List.of("rt", "tass", "gru"), true),
            new Country("PL", 6, 9, List.of("rt", "sputnik", "belta"), true),
            new Country("RO", 4, 9, List.of("rt", "sputnik", "tass"), false),
            new Country("HU", 3, 10, List.of("rt", "tass"), true),
            new Country("MD", 2, 8, List.of("rt", "sputnik", "pravfond"), false),
            new Country("GE", 1.5, 7, List.of("rt", "sputnik"), false),
            new Country("LT", 1, 9, List.of("rt", "belta"), true),
            new Country("AM", 0.8, 7, List.of("rt", "sputnik"), true),
            new Country("BY", 0.5, 8, List.of("belta", "rt"), true));

    private final long seed;
    private final int weeks;

    ScenarioGenerator(long seed) {
        this(seed, DEFAULT_WEEKS);
    }

    ScenarioGenerator(long seed, int weeks) {
        this.seed = seed;
        this.weeks = weeks;
    }

    static Country country(String code) {
        return COUNTRIES.stream().filter(c -> c.code().equals(code)).findFirst().orElseThrow();
    }

    /** Surges on fixed days after the warm-up (two after the 30-day new_actor look-back, with new actors). */
    static List<Surge> surges() {
        return List.of(
                surge("DE", Kind.PEAK, 10, country("DE").peakHour(), null),
                surge("RO", Kind.PEAK, 15, country("RO").peakHour(), null),
                surge("MD", Kind.NARRATIVE, 12, 19, null),
                surge("MD", Kind.NIGHT, 20, country("MD").quietHour(), null),
                surge("DE", Kind.NIGHT, 24, country("DE").quietHour(), null),
                surge("RO", Kind.NIGHT, 33, country("RO").quietHour(), null),
                surge("GE", Kind.NARRATIVE, 35, 14, "ge_new_proxy"),
                surge("MD", Kind.NARRATIVE, 38, 6, "md_new_outlet"));
    }

    private static Surge surge(String country, Kind kind, int day, int hour, String newActor) {
        return new Surge(country, kind, START.plus(Duration.ofDays(day)).plus(Duration.ofHours(hour)), SURGE_HOURS,
                newActor);
    }

    static double rate(Country c, Instant t) {
        int hour = t.atOffset(ZoneOffset.UTC).getHour();
        DayOfWeek day = t.atOffset(ZoneOffset.UTC).getDayOfWeek();
        double shape = 1 + AMPLITUDE * Math.cos(2 * Math.PI * (hour - c.peakHour()) / 24.0);
        double week = day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY ? WEEKEND : 1.0;
        return c.mean() * shape * week;
    }

    Scenario generate() {
        SplittableRandom random = new SplittableRandom(seed);
        int hours = weeks * 7 * 24;
        List<Surge> surges = surges().stream()
                .filter(s -> s.start().isBefore(START.plus(Duration.ofHours(hours)))).toList();
        List<WindowObservation> out = new ArrayList<>();
        for (int h = 0; h < hours; h++) {
            Instant t = START.plus(Duration.ofHours(h));
            List<int[]> counts = new ArrayList<>();
            List<List<MentionWindow.ActorCount>> actorLists = new ArrayList<>();
            int total = poisson(random, 30 * (1 + AMPLITUDE * Math.cos(2 * Math.PI * (t.atOffset(ZoneOffset.UTC)
                    .getHour() - 12) / 24.0)));   // the rest of the world
            for (Country c : COUNTRIES) {
                double lambda = rate(c, t);
                int articles = poisson(random, lambda);
                int fraud = poisson(random, lambda * FRAUD_SHARE * (1 - STATE_LINKED_SHARE));
                int stateLinked = poisson(random, lambda * FRAUD_SHARE * STATE_LINKED_SHARE);
                List<MentionWindow.ActorCount> actors = new ArrayList<>();
                for (String a : c.actors()) {
                    int n = poisson(random, lambda * ACTOR_SHARE);
                    if (n > 0) {
                        actors.add(actor(a, n));
                    }
                }
                for (Surge s : surges) {
                    if (!s.country().equals(c.code()) || !s.covers(t)) {
                        continue;
                    }
                    switch (s.kind()) {
                        case PEAK -> articles += poisson(random, lambda * (SURGE_FACTOR - 1));
                        case NIGHT -> articles += poisson(random,
                                Math.max(lambda * (SURGE_FACTOR - 1), NIGHT_SURGE_MIN_EXTRA));
                        case NARRATIVE -> {
                            int extra = poisson(random, NARRATIVE_SURGE_RATE);
                            stateLinked += extra;
                            if (s.newActor() != null && extra > 0) {
                                actors.add(actor(s.newActor(), Math.max(2, extra / 2)));
                            }
                        }
                    }
                }
                fraud += stateLinked;
                articles += fraud;   // fraud-claim articles are relevant articles too
                counts.add(new int[] {articles, fraud, stateLinked});
                actorLists.add(actors);
                total += articles;
            }
            for (int i = 0; i < COUNTRIES.size(); i++) {
                int[] n = counts.get(i);
                if (n[0] == 0) {
                    continue;   // the counter never emits a window without articles
                }
                String code = COUNTRIES.get(i).code();
                List<MentionWindow.ActorCount> actors = actorLists.get(i).stream()
                        .map(a -> new MentionWindow.ActorCount(a.id(), a.name(), a.country(), a.kind(), Math.min(a.articles(), n[0])))
                        .toList();
                out.add(new WindowObservation(code, t, t.plus(Duration.ofHours(1)), true, n[0], n[0] + n[0] / 3, n[1],
                        n[2], actors, total, List.of(new Alert.Evidence(code + "-" + h + "-1", "Report about " + code,
                        "https://news.example/" + code.toLowerCase() + "/" + h))));
            }
        }
        return new Scenario(seed, START, hours, COUNTRIES, surges, out);
    }

    private static MentionWindow.ActorCount actor(String id, int n) {
        String country = switch (id) {
            case "cgtn" -> "CN";
            case "belta" -> "BY";
            case "ge_new_proxy" -> "RU";
            case "md_new_outlet" -> "RU";
            default -> "RU";
        };
        String kind = switch (id) {
            case "gru" -> "intelligence";
            case "doppelganger" -> "operation";
            case "pravfond", "africa_corps", "ge_new_proxy" -> "proxy";
            default -> "state_media";
        };
        return new MentionWindow.ActorCount(id, id.toUpperCase(), country, ActorKind.fromWireName(kind), n);
    }

    /** Knuth for small means, a normal approximation (rounded, clamped) above 30. */
    static int poisson(SplittableRandom random, double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 30) {
            return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * gaussian(random)));
        }
        double l = Math.exp(-mean);
        int k = 0;
        double p = 1;
        do {
            k++;
            p *= random.nextDouble();
        } while (p > l);
        return k - 1;
    }

    private static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}

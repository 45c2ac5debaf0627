package org.influencemonitor.app.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.influencemonitor.model.Json;

/**
 * A seeded replay file of ARTICLE JSON Lines, as {@code ./monitor demo --input FILE} reads them: weeks of
 * steady background for a set of countries, each with its own hourly Poisson rate and daily cycle (busy
 * at its peak hour, about a ninth of that twelve hours later), plus injected surges. No weekly cycle.
 *
 * <p>Every article is short (a title and one or two sentences) and names exactly one target country by
 * name together with an election term, so the real tagger counts it for that country and for nothing
 * else ({@code ArticleScenarioTest} checks every template against {@code Tagger.defaults()}). In the
 * background a few articles name a state-linked actor (the Kremlin, RT, TASS), come from a state outlet
 * (rt.com, sputnikglobe.com, tass.com) or carry fraud-claim wording, at a low steady rate.
 *
 * <p>Surges, each {@link #SURGE_HOURS} windows long:
 * <ul>
 *   <li>{@link Kind#PEAK}: from the country's busiest hour, {@link #PEAK_FACTOR} times its rate;</li>
 *   <li>{@link Kind#NIGHT}: from its quietest hour, {@link #NIGHT_EXTRA} more articles per hour;</li>
 *   <li>{@link Kind#NARRATIVE}: {@link #NARRATIVE_EXTRA} more articles per hour from state media
 *       claiming "the election was rigged".</li>
 * </ul>
 */
public final class ArticleScenario {
    public static final double AMPLITUDE = 0.8;        // rate = peak x (1 + 0.8 cos) / 1.8: trough = 0.11 x peak
    public static final double PEAK_FACTOR = 5.0;      // "a several-fold jump at the busiest hour"
    public static final double NIGHT_EXTRA = 10.0;     // extra articles per hour in a night surge
    public static final double NARRATIVE_EXTRA = 8.0;  // extra state-media fraud-claim articles per hour
    public static final int SURGE_HOURS = 3;

    // Background mix: the rest are plain election news from ordinary outlets.
    static final double ACTOR_SHARE = 0.04;              // names the Kremlin / RT / TASS in the text
    static final double FRAUD_SHARE = 0.02;              // fraud-claim wording from ordinary outlets
    static final double STATE_OUTLET_SHARE = 0.02;       // published by a state outlet, ordinary wording
    static final double STATE_OUTLET_FRAUD_SHARE = 0.005; // published by a state outlet, fraud-claim wording

    /**
     * {@code SLOW_NARRATIVE} (volume doubled, one to three state-linked fraud-claim articles an hour) is
     * generated only by the operations replay in the tests; {@link #generate} refuses it.
     */
    public enum Kind { PEAK, NIGHT, NARRATIVE, SLOW_NARRATIVE }

    /** What an article is, for checking the tagger and explaining counts. */
    public enum Flavour { NEWS, ACTOR, FRAUD, STATE_OUTLET, STATE_OUTLET_FRAUD, SURGE_NEWS, SURGE_NARRATIVE }

    /** {@code peakRate}: articles per hour at {@code peakHour} (UTC), the country's busiest hour. */
    public record Country(String code, String name, double peakRate, int peakHour) {
        public int quietHour() {
            return (peakHour + 12) % 24;
        }

        public double rate(int hourOfDay) {
            return peakRate * (1 + AMPLITUDE * Math.cos(2 * Math.PI * (hourOfDay - peakHour) / 24.0)) / (1 + AMPLITUDE);
        }
    }

    /** An injected surge: {@code hours} one-hour windows from {@code start}. */
    public record Surge(String country, Kind kind, Instant start, int hours) {
        public Instant end() {
            return start.plus(Duration.ofHours(hours));
        }

        public boolean covers(Instant t) {
            return !t.isBefore(start) && t.isBefore(end());
        }

        @Override
        public String toString() {
            return country + " " + kind + " from " + start + " (" + hours + " h)";
        }
    }

    /** A surge to inject, by day (from the start) and kind; the hour follows from the kind. */
    public record SurgePlan(String country, Kind kind, int day, int hour) {
        public static SurgePlan peak(Country c, int day) {
            return new SurgePlan(c.code(), Kind.PEAK, day, c.peakHour());
        }

        public static SurgePlan night(Country c, int day) {
            return new SurgePlan(c.code(), Kind.NIGHT, day, c.quietHour());
        }

        public static SurgePlan narrative(Country c, int day, int hour) {
            return new SurgePlan(c.code(), Kind.NARRATIVE, day, hour);
        }
    }

    /** One generated article: its JSON line and what it was generated as. */
    public record Item(String line, String url, String country, Instant publishedAt, Flavour flavour, Surge surge) {
    }

    public record Scenario(long seed, Instant start, int days, List<Country> countries, List<Surge> surges,
                           List<Item> items) {
        public Instant end() {
            return start.plus(Duration.ofDays(days));
        }

        public List<String> lines() {
            return items.stream().map(Item::line).toList();
        }

        public Path write(Path file) throws IOException {
            Files.write(file, lines(), StandardCharsets.UTF_8);
            return file;
        }

        public double countryWeeks() {
            return countries.size() * days / 7.0;
        }
    }

    /** A Monday outside every pre-election period of the bundled calendar for the countries below. */
    public static final Instant DEFAULT_START = Instant.parse("2026-08-03T00:00:00Z");

    /** A dozen countries, from busy to sparse; peak hours in UTC follow their time zones. */
    public static final List<Country> DOZEN = List.of(
            new Country("US", "the United States", 6.0, 17),
            new Country("DE", "Germany", 5.0, 10),
            new Country("FR", "France", 4.5, 11),
            new Country("UA", "Ukraine", 4.0, 8),
            new Country("PL", "Poland", 3.5, 9),
            new Country("RO", "Romania", 3.0, 9),
            new Country("HU", "Hungary", 2.5, 10),
            new Country("MD", "Moldova", 2.0, 8),
            new Country("GE", "Georgia", 1.5, 7),
            new Country("LT", "Lithuania", 1.0, 9),
            new Country("AM", "Armenia", 0.8, 7),
            new Country("BY", "Belarus", 0.5, 8));

    public static Country country(String code) {
        return DOZEN.stream().filter(c -> c.code().equals(code)).findFirst().orElseThrow();
    }

    /** Three weeks, a dozen countries, seven surges after the first week in five countries (seven steady). */
    public static Scenario threeWeeks(long seed) {
        return generate(seed, DEFAULT_START, 21, DOZEN, List.of(
                SurgePlan.peak(country("DE"), 8),
                SurgePlan.night(country("MD"), 9),
                SurgePlan.narrative(country("GE"), 10, 14),
                SurgePlan.peak(country("PL"), 12),
                SurgePlan.night(country("RO"), 14),
                SurgePlan.peak(country("US"), 16),
                SurgePlan.narrative(country("MD"), 18, 6)));
    }

    /** Ten days, five countries, three surges after day 3 (for the demo run on an embedded broker). */
    public static Scenario tenDays(long seed) {
        List<Country> five = List.of(country("DE"), country("RO"), country("MD"), country("GE"), country("LT"));
        return generate(seed, DEFAULT_START, 10, five, List.of(
                SurgePlan.peak(country("DE"), 5),
                SurgePlan.night(country("MD"), 6),
                SurgePlan.narrative(country("GE"), 8, 14)));
    }

    public static Scenario generate(long seed, Instant start, int days, List<Country> countries, List<SurgePlan> plans) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Surge> surges = plans.stream()
                .map(p -> new Surge(p.country(), p.kind(),
                        start.plus(Duration.ofDays(p.day())).plus(Duration.ofHours(p.hour())), SURGE_HOURS))
                .sorted(Comparator.comparing(Surge::start))
                .toList();
        List<Item> items = new ArrayList<>();
        int[] sequence = {0};
        for (int h = 0; h < days * 24; h++) {
            Instant hour = start.plus(Duration.ofHours(h));
            int hourOfDay = hour.atOffset(ZoneOffset.UTC).getHour();
            for (Country c : countries) {
                double lambda = c.rate(hourOfDay);
                int background = poisson(random, lambda);
                for (int i = 0; i < background; i++) {
                    items.add(article(random, c, hour, backgroundFlavour(random), null, sequence));
                }
                for (Surge s : surges) {
                    if (!s.country().equals(c.code()) || !s.covers(hour)) {
                        continue;
                    }
                    double extra = switch (s.kind()) {
                        case PEAK -> lambda * (PEAK_FACTOR - 1);
                        case NIGHT -> NIGHT_EXTRA;
                        case NARRATIVE -> NARRATIVE_EXTRA;
                        case SLOW_NARRATIVE -> throw new IllegalArgumentException(
                                "a slow narrative needs the operations scenario's generator: " + s);
                    };
                    Flavour flavour = s.kind() == Kind.NARRATIVE ? Flavour.SURGE_NARRATIVE : Flavour.SURGE_NEWS;
                    int n = poisson(random, extra);
                    for (int i = 0; i < n; i++) {
                        items.add(article(random, c, hour, flavour, s, sequence));
                    }
                }
            }
        }
        // A replay file is in publication order; ties keep generation order.
        items.sort(Comparator.comparing(Item::publishedAt));
        return new Scenario(seed, start, days, countries, surges, List.copyOf(items));
    }

    static Flavour backgroundFlavour(SplittableRandom random) {
        double u = random.nextDouble();
        if ((u -= ACTOR_SHARE) < 0) {
            return Flavour.ACTOR;
        }
        if ((u -= FRAUD_SHARE) < 0) {
            return Flavour.FRAUD;
        }
        if ((u -= STATE_OUTLET_SHARE) < 0) {
            return Flavour.STATE_OUTLET;
        }
        if ((u -= STATE_OUTLET_FRAUD_SHARE) < 0) {
            return Flavour.STATE_OUTLET_FRAUD;
        }
        return Flavour.NEWS;
    }

    // --- templates: {C} is the country's name, {c} its name at the start of a sentence ------------------

    record Outlet(String domain, String name) {
    }

    static final List<Outlet> OUTLETS = List.of(
            new Outlet("reuters.com", "Reuters"), new Outlet("apnews.com", "AP News"),
            new Outlet("bbc.co.uk", "BBC News"), new Outlet("euronews.com", "Euronews"),
            new Outlet("politico.eu", "Politico Europe"), new Outlet("balkaninsight.com", "Balkan Insight"),
            new Outlet("theguardian.com", "The Guardian"), new Outlet("france24.com", "France 24"));

    static final List<Outlet> STATE_OUTLETS = List.of(
            new Outlet("rt.com", "RT"), new Outlet("sputnikglobe.com", "Sputnik"), new Outlet("tass.com", "TASS"));

    /** title, text. */
    static final List<String[]> NEWS = List.of(
            new String[] {"{c} prepares for the vote", "Election officials in {C} said ballots were being printed on schedule. Turnout is expected to be high."},
            new String[] {"Candidates in {C} make their final pitch", "Candidates toured {C} on the last weekend of the campaign, promising lower prices."},
            new String[] {"New parties registered in {C}", "The election commission in {C} registered three new parties for the election."},
            new String[] {"Poll shows a tight race in {C}", "A new poll suggests the presidential race in {C} will go to a runoff."},
            new String[] {"Cost of living dominates the campaign in {C}", "Voters in {C} told pollsters that prices matter most in this election."},
            new String[] {"Observers to watch the ballot in {C}", "International observers will visit polling stations across {C} on election day."},
            new String[] {"Postal voting opens in {C}", "Postal voting for the election opened in {C}. Officials expect a record number of ballots by mail."},
            new String[] {"Young voters in {C} weigh their options", "Many first-time voters in {C} are still undecided, a survey found."},
            new String[] {"TV debate in {C} turns heated", "The two leading candidates in {C} clashed over pensions in a televised debate before the vote."});

    static final List<String[]> ACTOR = List.of(
            new String[] {"{c} warns of foreign meddling in the election", "Officials in {C} said the Kremlin was paying for online adverts aimed at voters."},
            new String[] {"Fake accounts target voters in {C}", "Researchers linked a network of fake accounts aimed at voters in {C} to the Kremlin."},
            new String[] {"RT amplifies a fringe candidate in {C}", "A fringe candidate in {C} received wide coverage on RT in the weeks before the vote."},
            new String[] {"TASS interview stirs the campaign in {C}", "An interview with TASS by an opposition candidate in {C} caused a stir before the election."});

    static final List<String[]> FRAUD = List.of(
            new String[] {"Court in {C} rejects a vote-rigging complaint", "A court in {C} rejected a complaint alleging vote rigging in a local election."},
            new String[] {"Losing party in {C} alleges fraud", "A losing party in {C} made claims of fraud after the vote; observers found no evidence."},
            new String[] {"Police in {C} investigate vote buying", "Police in {C} opened an inquiry into vote buying in two villages before the election."});

    static final List<String[]> STATE_OUTLET = List.of(
            new String[] {"{c} heads to the polls", "Voters in {C} are tired of the ruling party, analysts said ahead of the election."},
            new String[] {"Election campaign in {C} enters its final week", "Parties in {C} are making their last appeals to voters."},
            new String[] {"Turnout questions hang over the vote in {C}", "Low turnout is expected in {C}, where many voters say the election will change nothing."});

    static final List<String[]> STATE_OUTLET_FRAUD = List.of(
            new String[] {"Opposition in {C} says the vote will be rigged", "Opposition leaders in {C} say the election is being rigged by the government."},
            new String[] {"Claims of fraud shadow the election in {C}", "Critics in {C} allege ballot stuffing in several districts."});

    static final List<String[]> SURGE_NEWS = List.of(
            new String[] {"Election results delayed in {C}", "Election officials in {C} delayed the results after a failure at the count."},
            new String[] {"Crowds gather in {C} as the vote count stalls", "Thousands gathered outside the election commission in {C}. Officials promised results by morning."},
            new String[] {"Leading candidate in {C} withdraws hours before the vote", "A leading candidate in {C} withdrew from the election, citing threats against his family."},
            new String[] {"Ballot papers missing in {C}", "Ballot papers for thousands of voters in {C} have gone missing, the election commission said."});

    static final List<String[]> SURGE_NARRATIVE = List.of(
            new String[] {"{c}: the election was rigged", "The election was rigged, observers say. Voters across {C} report ballot stuffing."},
            new String[] {"Experts say the election in {C} was rigged", "The election in {C} was rigged from the start, experts told reporters."},
            new String[] {"Stolen election in {C}, say protesters", "Protesters in {C} say the election was stolen and demand a recount."});

    static List<String[]> templates(Flavour flavour) {
        return switch (flavour) {
            case NEWS -> NEWS;
            case ACTOR -> ACTOR;
            case FRAUD -> FRAUD;
            case STATE_OUTLET -> STATE_OUTLET;
            case STATE_OUTLET_FRAUD -> STATE_OUTLET_FRAUD;
            case SURGE_NEWS -> SURGE_NEWS;
            case SURGE_NARRATIVE -> SURGE_NARRATIVE;
        };
    }

    static boolean fromStateOutlet(Flavour flavour) {
        return flavour == Flavour.STATE_OUTLET || flavour == Flavour.STATE_OUTLET_FRAUD || flavour == Flavour.SURGE_NARRATIVE;
    }

    static String fill(String template, Country c) {
        String capitalised = Character.toUpperCase(c.name().charAt(0)) + c.name().substring(1);
        return template.replace("{C}", c.name()).replace("{c}", capitalised);
    }

    private static Item article(SplittableRandom random, Country c, Instant hour, Flavour flavour, Surge surge,
                                int[] sequence) {
        return article(random, c, hour, flavour, surge, sequence, OUTLETS);
    }

    /** As above, from one of {@code outlets} unless the flavour is a state outlet's: a feed of its own outlets. */
    static Item article(SplittableRandom random, Country c, Instant hour, Flavour flavour, Surge surge,
                        int[] sequence, List<Outlet> outlets) {
        List<String[]> templates = templates(flavour);
        String[] t = templates.get(random.nextInt(templates.size()));
        outlets = fromStateOutlet(flavour) ? STATE_OUTLETS : outlets;
        Outlet outlet = outlets.get(random.nextInt(outlets.size()));
        Instant published = hour.plusSeconds(random.nextInt(3600));
        String title = fill(t[0], c);
        int n = ++sequence[0];
        String date = published.atOffset(ZoneOffset.UTC).toLocalDate().toString().replace('-', '/');
        String url = "https://www." + outlet.domain() + "/world/" + c.code().toLowerCase() + "/" + date + "/"
                + slug(title) + "-" + n;
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("url", url);
        node.put("source", outlet.name());
        node.put("title", title);
        node.put("text", fill(t[1], c));
        node.put("language", "en");
        node.put("published_at", published.toString());
        try {
            return new Item(Json.mapper().writeValueAsString(node), url, c.code(), published, flavour, surge);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String slug(String title) {
        return title.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    /** Knuth's method; the means here stay below 40. */
    static int poisson(SplittableRandom random, double mean) {
        if (mean <= 0) {
            return 0;
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

    private ArticleScenario() {
    }
}

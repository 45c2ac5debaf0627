package org.influencemonitor.app.scenario;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.influencemonitor.app.scenario.ArticleScenario.Scenario;
import org.influencemonitor.app.scenario.ArticleScenario.Surge;
import org.influencemonitor.model.Alert;

/**
 * What the alerts of one replay say about its scenario: which injected surges were caught and how fast,
 * and which incidents fired where nothing was injected.
 *
 * <ul>
 *   <li>An <b>incident</b> is a distinct {@code alert_id}; it opens with its {@code firing} event of
 *       {@code update} 0, whose {@code window_start} is where it started.</li>
 *   <li>A surge is <b>caught</b> when an incident of its country opens in one of its first
 *       {@link #CATCH_WINDOWS} windows (a slow narrative: in any of its windows); the <b>delay</b> is the number of windows from the surge's first
 *       window to the earliest such incident (0 = its first window).</li>
 *   <li>A <b>false incident</b> is one that opens in a window of its country that no injected surge covers.</li>
 * </ul>
 */
final class SurgeFigures {
    static final int CATCH_WINDOWS = 2;
    static final Duration WINDOW = Duration.ofHours(1);

    record Catch(Surge surge, Integer delay, List<String> rules) {
        boolean caught() {
            return delay != null;
        }
    }

    final Scenario scenario;
    final List<Alert> events;
    final Map<String, Alert> openings = new LinkedHashMap<>();
    final List<String> incidentsWithoutOpening = new ArrayList<>();
    final List<Catch> catches = new ArrayList<>();
    final List<Alert> falseIncidents = new ArrayList<>();
    final List<Alert> surgeIncidents = new ArrayList<>();

    SurgeFigures(Scenario scenario, List<Alert> events) {
        this.scenario = scenario;
        this.events = List.copyOf(events);
        Map<String, List<Alert>> byId = events.stream()
                .collect(Collectors.groupingBy(Alert::alertId, LinkedHashMap::new, Collectors.toList()));
        byId.forEach((id, list) -> {
            Alert first = list.stream()
                    .filter(a -> a.status() == Alert.Status.FIRING && Objects.equals(a.update(), 0))
                    .findFirst().orElse(null);
            if (first == null) {
                incidentsWithoutOpening.add(id + " " + list);
            } else {
                openings.put(id, first);
            }
        });
        for (Surge s : scenario.surges()) {
            List<Alert> inFirstWindows = openings.values().stream()
                    .filter(a -> a.country().equals(s.country()))
                    .filter(a -> !a.windowStart().isBefore(s.start())
                            && a.windowStart().isBefore(s.start().plus(WINDOW.multipliedBy(catchWindows(s)))))
                    .sorted(Comparator.comparing(Alert::windowStart))
                    .toList();
            Integer delay = inFirstWindows.isEmpty() ? null
                    : (int) Duration.between(s.start(), inFirstWindows.get(0).windowStart()).dividedBy(WINDOW);
            catches.add(new Catch(s, delay, inFirstWindows.stream().map(Alert::rule).distinct().toList()));
        }
        for (Alert a : openings.values()) {
            boolean explained = scenario.surges().stream()
                    .anyMatch(s -> s.country().equals(a.country()) && s.covers(a.windowStart()));
            (explained ? surgeIncidents : falseIncidents).add(a);
        }
    }

    /** A slow narrative is caught before its end; every other surge within {@link #CATCH_WINDOWS} windows. */
    static int catchWindows(Surge s) {
        return s.kind() == ArticleScenario.Kind.SLOW_NARRATIVE ? s.hours() : CATCH_WINDOWS;
    }

    long caught() {
        return catches.stream().filter(Catch::caught).count();
    }

    List<Catch> missed() {
        return catches.stream().filter(c -> !c.caught()).toList();
    }

    double falsePerCountryWeek() {
        return falseIncidents.size() / scenario.countryWeeks();
    }

    List<String> alertIds() {
        return events.stream().map(a -> a.alertId() + "#" + a.update() + "#" + a.status()).sorted().toList();
    }

    Map<String, Long> incidentsByRule() {
        return openings.values().stream().collect(Collectors.groupingBy(Alert::rule, TreeMap::new, Collectors.counting()));
    }

    /** Everything needed to tune the defaults, one line per fact. */
    String report(String title) {
        StringBuilder out = new StringBuilder();
        out.append(title).append(": seed ").append(scenario.seed()).append(", ").append(scenario.items().size())
                .append(" articles, ").append(scenario.countries().size()).append(" countries, ")
                .append(scenario.days()).append(" days from ").append(scenario.start()).append('\n');
        out.append(String.format("  surges caught      %d/%d within %d windows%n", caught(), catches.size(), CATCH_WINDOWS));
        for (Catch c : catches) {
            long injected = scenario.items().stream().filter(i -> i.surge() == c.surge()).count();
            out.append(String.format("    %-40s %s (%d injected articles)%n", c.surge(),
                    c.caught() ? "caught, delay " + c.delay() + " window(s), rules " + c.rules() : "MISSED", injected));
            if (!c.caught()) {
                events.stream().filter(a -> a.country().equals(c.surge().country())
                                && !a.windowStart().isBefore(c.surge().start().minus(WINDOW))
                                && a.windowStart().isBefore(c.surge().end().plus(WINDOW)))
                        .forEach(a -> out.append("      nearby event: ").append(describe(a)).append('\n'));
            }
        }
        out.append(String.format("  false incidents    %d (%.4f per country-week over %.1f country-weeks)%n",
                falseIncidents.size(), falsePerCountryWeek(), scenario.countryWeeks()));
        for (Alert a : falseIncidents) {
            out.append("    FALSE ").append(describe(a)).append('\n');
        }
        out.append("  incidents by rule  ").append(incidentsByRule()).append(" (")
                .append(openings.size()).append(" incidents, ").append(events.size()).append(" events)\n");
        if (!incidentsWithoutOpening.isEmpty()) {
            out.append("  incidents without a firing update 0: ").append(incidentsWithoutOpening).append('\n');
        }
        return out.toString();
    }

    static String describe(Alert a) {
        return String.format("%s %s %s window %s update %s status %s articles %d firing count %d expected %s: %s",
                a.country(), a.rule(), a.alertId(), a.windowStart(), a.update(), a.status(), a.articles(),
                a.threshold(), a.expected() == null ? "-" : String.format("%.2f", a.expected()), a.summary());
    }

    static Instant windowOf(Instant t) {
        return Instant.ofEpochMilli(Math.floorDiv(t.toEpochMilli(), WINDOW.toMillis()) * WINDOW.toMillis());
    }
}

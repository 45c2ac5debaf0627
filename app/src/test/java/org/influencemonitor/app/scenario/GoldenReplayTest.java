package org.influencemonitor.app.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.influencemonitor.model.Alert;
import org.influencemonitor.model.MentionWindow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The surge replays through the topology, compared line by line with what the processor produced before
 * the counting core was reworked (issue 7): every alert event (id, update, status, rule, country, window,
 * counts, severity, evidence) and every final window count. The files under {@code golden/} were written
 * by the earlier counter; a change that alters them changes behaviour, and must say so by rewriting them
 * ({@code -Dgolden.write=DIR}, e.g. {@code app/src/test/resources/golden}) in a commit of its own.
 *
 * <p>Articles arrive a second apart in wall-clock time, as a live feed would deliver them.
 */
class GoldenReplayTest {
    @TempDir
    Path stateDir;

    @Test
    void theThreeWeekReplayGivesTheAlertsAndCountsItGaveBefore() throws IOException {
        compare("three-weeks", ArticleScenario.threeWeeks(SurgeReplayTest.SEED));
    }

    @Test
    void theTenDayReplayGivesTheAlertsAndCountsItGaveBefore() throws IOException {
        compare("ten-days", ArticleScenario.tenDays(DemoReplayTest.SEED));
    }

    private void compare(String name, ArticleScenario.Scenario scenario) throws IOException {
        List<String> actual = replay(scenario);
        String write = System.getProperty("golden.write");
        if (write != null) {
            Files.write(Path.of(write).resolve(name + ".txt"), actual, StandardCharsets.UTF_8);
        }
        List<String> expected;
        try (InputStream in = GoldenReplayTest.class.getResourceAsStream("/golden/" + name + ".txt")) {
            expected = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
        assertEquals(String.join("\n", expected), String.join("\n", actual), name + " differs from golden/" + name + ".txt");
    }

    private List<String> replay(ArticleScenario.Scenario scenario) {
        TopologyReplay.Output output = TopologyReplay.run(scenario, "golden", stateDir);
        List<String> out = new ArrayList<>();
        output.alerts().forEach(a -> out.add(describe(a)));
        output.windows().stream().filter(MentionWindow::isFinal).forEach(m -> out.add(describe(m)));
        return out;
    }

    static String describe(Alert a) {
        return String.join(" ", "alert", a.alertId(), String.valueOf(a.update()), a.status().wireName(), a.rule(),
                a.country(), a.windowStart().toString(), "articles=" + a.articles(), "threshold=" + a.threshold(),
                a.severity().wireName(), "score=" + a.score(), "expected=" + a.expected(),
                "evidence=" + a.evidence().stream().map(Alert.Evidence::id).collect(Collectors.joining(",")),
                "actors=" + a.topActors(), "terms=" + a.topTerms(), "summary=" + a.summary());
    }

    static String describe(MentionWindow m) {
        return String.join(" ", "window", m.country(), m.windowStart().toString(), "articles=" + m.articles(),
                "mentions=" + m.mentions(), "fraud=" + m.fraudClaimArticles(),
                "state_linked_fraud=" + m.stateLinkedFraudArticles(), "actors=" + m.actors(), "terms=" + m.topTerms());
    }
}

package org.influencemonitor.sink.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import org.influencemonitor.model.Alert;
import org.junit.jupiter.api.Test;

/** What a Slack message says, for alerts of every shape, and in any script. */
class SlackMessageTest {
    private static final Instant START = Instant.parse("2024-10-18T14:00:00Z");

    private static Alert alert(String rule, String title, String url, Double expected) {
        return new Alert(1, "185675b3-0000-3000-8000-000000000001", rule, "IL", START, START.plusSeconds(3600), 6, 5,
                Alert.Severity.WARNING, Alert.Status.FIRING,
                List.of(new Alert.Evidence("x", title, url, "<b>Outlet</b>")), START, null, expected, null, null, null,
                null, null, null);
    }

    @Test
    void rightToLeftTitlesAreIsolatedAndControlCharactersEscaped() {
        String hebrew = "בחירות: טענות על <זיוף> & הונאה";
        JsonNode message = SlackMessage.of(List.of(alert("spike", hebrew, "https://news.example/il?a=1&b=2", 0.5)));
        String evidence = message.at("/blocks/2/text/text").asText();
        assertTrue(evidence.contains("\u2068בחירות: טענות על &lt;זיוף&gt; &amp; הונאה\u2069"), evidence);
        assertTrue(evidence.contains("<https://news.example/il?a=1&amp;b=2|"), evidence);
        assertTrue(evidence.contains("\u2068&lt;b&gt;Outlet&lt;/b&gt;\u2069"), evidence);
        assertFalse(message.toString().contains("<b>"), "no raw control characters from the article");
    }

    @Test
    void aDirectionalOverrideInATitleCannotLeakOut() {
        JsonNode message = SlackMessage.of(List.of(alert("spike", "abc\u202Eevil", "https://news.example/x", null)));
        assertFalse(message.toString().contains("\u202E"));
    }

    @Test
    void anUnknownRuleAndAbsentFieldsStillMakeAReadableMessage() {
        Alert bare = alert("coverage", null, "javascript:alert(1)", null);
        JsonNode message = SlackMessage.of(List.of(bare));
        String text = message.path("text").asText();
        assertTrue(text.startsWith(":warning: WARNING IL coverage (new incident): coverage for IL: 6 articles (threshold 5)"), text);
        assertFalse(message.toString().contains("<javascript:"), "only web links become links");
        assertEquals("*Rule*\ncoverage", message.at("/blocks/1/fields/1/text").asText());
        assertTrue(message.at("/blocks/1/fields").size() <= 10, "Slack allows ten fields");
    }

    @Test
    void theElectionIsShownWhenThereIsOne() {
        Alert a = alert("narrative", "t", "https://news.example/x", 0.2);
        Alert withElection = new Alert(1, a.alertId(), a.rule(), a.country(), a.windowStart(), a.windowEnd(), a.articles(),
                a.threshold(), Alert.Severity.CRITICAL, a.status(), a.evidence(), a.createdAt(), 4.2, 0.2, "Surge", START, 0,
                null, null, new Alert.Election(java.time.LocalDate.parse("2024-10-20"), "parliament"));
        JsonNode message = SlackMessage.of(List.of(withElection));
        assertTrue(message.toString().contains("*Election*\\n2024-10-20 parliament"), message.toString());
        assertTrue(message.path("text").asText().contains("6 vs 0.2 expected (30.0×)"), message.path("text").asText());
    }
}

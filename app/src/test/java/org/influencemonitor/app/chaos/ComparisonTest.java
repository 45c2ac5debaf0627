package org.influencemonitor.app.chaos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The fault table's arithmetic: what counts as delivered, lost, duplicated and differing. */
class ComparisonTest {
    private static RunOutput.Keyed r(String key, String content) {
        return new RunOutput.Keyed(key, content);
    }

    @Test
    void identicalRunsAreClean() {
        List<RunOutput.Keyed> ref = List.of(r("a#0", "{\"articles\":13}"), r("a#1", "{\"articles\":20}"));
        Comparison c = Comparison.of(ref, ref);
        assertEquals(new Comparison(2, 2, 0, 0, 0, List.of()), c);
        assertTrue(c.clean());
    }

    @Test
    void theSameIdsWithOtherContentDifferAndACopyIsADuplicateAndAMissingKeyIsLost() {
        List<RunOutput.Keyed> ref = List.of(r("a#0", "{\"articles\":13}"), r("a#1", "{\"articles\":20}"), r("b#0", "{}"));
        List<RunOutput.Keyed> run = List.of(r("a#0", "{\"articles\":12}"), r("a#1", "{\"articles\":20}"),
                r("a#1", "{\"articles\":20}"), r("c#0", "{}"));
        Comparison c = Comparison.of(ref, run);
        assertEquals(3, c.expected());
        assertEquals(2, c.delivered());
        assertEquals(1, c.lost());
        assertEquals(1, c.duplicated());
        assertEquals(2, c.differing(), "a#0's content, and c#0 which the fault-free run never had");
        assertFalse(c.clean());
        assertTrue(c.examples().contains("a#0: articles: 13 → 12"), c.examples().toString());
        assertTrue(c.examples().contains("b#0: lost"), c.examples().toString());
    }
}

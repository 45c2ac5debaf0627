package org.influencemonitor.processor.tagging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TermAutomatonTest {
    @Test
    void findsOverlappingAndNestedPatternsInOnePass() {
        TermAutomaton a = TermAutomaton.builder().add("he", 0).add("she", 1).add("his", 2).add("hers", 3).build();
        List<String> hits = new ArrayList<>();
        char[] text = "ushers".toCharArray();
        a.scan(text, text.length, (p, s, e) -> hits.add(p + "@" + s + "-" + e));
        assertEquals(List.of("1@1-4", "0@2-4", "3@2-6"), hits);
    }

    @Test
    void foldingKeepsAMapToOriginalOffsets() {
        NormalizedText n = TextNormalizer.normalize("Straße  ÉLECTION");
        assertEquals("strasse election", new String(n.chars(), 0, n.length()));
        assertEquals(4, n.originalStart(4));  // first 's' of "ss" comes from 'ß' at 4
        assertEquals(4, n.originalStart(5));
        assertEquals(8, n.originalStart(8));  // 'e' of ÉLECTION
        assertEquals(6, n.originalStart(7));  // the two spaces fold to one, mapped to the first
        assertEquals("russia's election", TextNormalizer.fold("Russia’s\u00ADelection".replace("\u00AD", " ")));
        assertEquals("ёлка", "ёлка");
        assertEquals("елка", TextNormalizer.fold("Ёлка"));
    }
}

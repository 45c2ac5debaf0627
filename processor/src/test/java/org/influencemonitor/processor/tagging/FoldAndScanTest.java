package org.influencemonitor.processor.tagging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The tagger folds into reused scratch buffers and scans long texts in four interleaved passes
 * ({@link TermAutomaton#foldAndScan}); these tests pin it to the reference path
 * ({@link TextNormalizer#normalize}, then one {@link TermAutomaton#scan}) on inputs where folding is
 * tricky, at every quarter boundary, and check the int-table fallback used by very large dictionaries.
 */
class FoldAndScanTest {
    static final String[] TRICKY = {
        "",
        " ",
        "Выборы в России\r\nи Россия, Ёлка и йод",
        "E\u0301lections en Tu\u0308rkiye: élections, Türkiye, TÜRKIYE",
        "Straße, STRASSE und Wahlen in Österreich; ß",
        "\uFB01nance \uFB02ag \uFB00 \u2474 \u00BD \u33A1 \u2122",
        "\uFF32\uFF55\uFF53\uFF53\uFF49\uFF41 \uFF26\uFF33\uFF22 election \uFF08Kremlin\uFF09",
        "\uD83C\uDDF7\uD83C\uDDFA Russia \uD83D\uDE00election\uD83D\uDE00 \uD800 lone \uDC00 surrogates",
        "Georgia\r\n\r\nTbilisi  \t elections\r\n",
        "   leading spaces\u00A0\u00A0and\u200Bzero\u00ADwidth\u2009thin\u3000ideographic",
        "Russia’s election — the Kremlin‘s “vote”",
        "\uFFFF\uFFFE\uFFFD",
        "Russia\uFFFE election \uFEFFRussia",
        "中国 选举 ロシア 日本の選挙",
        "RT @user: the US election, US ELECTION, LET US VOTE",
        "في مولدوفا، اتهمت المعارضة روسيا بتزوير الانتخابات وللصين \u0640\u0640 أُنْتُخِبَ",
        "הבחירות בישראל: טענו לזיוף הבחירות; צ׳כיה וארה״ב",
        "انتخابات\u200Cها در ایران با تقلب همراه بود؛ کره\u0654 جنوبی",
        "몰도바 선거에서 러시아는 부정선거 의혹을 퍼뜨렸다 한국의",
        "भारत के चुनावों में धांधली; इज़राइल इजराइल \u0958",
        "ロシアは日本の選挙、ドイツ、ｶﾞｽ、インドア \uD840\uDC00中国",
        "Türkiye'de OY PUSULASI, oy pusulası; საქართველოს არჩევნები",
    };

    private static List<String> referenceHits(TermAutomaton a, String document) {
        NormalizedText n = TextNormalizer.normalize(document);
        List<String> hits = new ArrayList<>();
        a.scan(n.chars(), n.length(), (p, s, e) -> hits.add(p + "@" + s + "-" + e));
        return hits;
    }

    private static void assertSameAsReference(TermAutomaton a, String document, TermAutomaton.Scratch sc) {
        NormalizedText n = TextNormalizer.normalize(document);
        a.foldAndScan(document, sc);
        assertEquals(n.length(), sc.foldedLength, "folded length of " + document);
        assertArrayEquals(Arrays.copyOf(n.chars(), n.length()), Arrays.copyOf(sc.folded, sc.foldedLength),
                "folded chars of " + document);
        for (int i = 0; i < n.length(); i++) {
            assertEquals(n.originalStart(i), sc.origStart[i], "original offset of folded char " + i);
        }
        List<String> fused = new ArrayList<>();
        a.replay(sc, (p, s, e) -> fused.add(p + "@" + s + "-" + e));
        assertEquals(referenceHits(a, document), fused, "hits in " + document);
    }

    @Test
    void fusedFoldingAndScanEqualTheReferencePathOnTrickyInputs() {
        TermAutomaton a = Tagger.defaults().automaton();
        TermAutomaton.Scratch sc = new TermAutomaton.Scratch(); // reused, as the tagger does
        for (String s : TRICKY) {
            assertSameAsReference(a, s, sc);
            assertSameAsReference(a, "Title" + Tagger.SEPARATOR + s, sc);
        }
        List<String> all = new ArrayList<>();
        for (String s : TRICKY) {
            all.add(s);
        }
        assertSameAsReference(a, String.join("\n\n", all).repeat(50), sc); // grows the buffers
        assertSameAsReference(a, "short", sc);                             // then a short one again
    }

    @Test
    void fourPassScanOfLongTextsEqualsOnePassWhereverTheQuartersStart() {
        TermAutomaton a = Tagger.defaults().automaton();
        TermAutomaton.Scratch sc = new TermAutomaton.Scratch();
        String unit = "the Democratic Republic of the Congo and Russia’s  presidential\r\nelection campaign; ";
        String text = unit.repeat(60);
        // Each extra char moves the quarter boundaries, so every offset inside a match gets cut.
        for (int length = 1100; length < 1100 + 4 * unit.length() + 8; length++) {
            assertSameAsReference(a, text.substring(0, length), sc);
        }
    }

    @Test
    void fusedFoldingEqualsTheReferenceForEveryBmpChar() {
        TermAutomaton a = Tagger.defaults().automaton();
        StringBuilder b = new StringBuilder();
        for (int c = 0; c < 65536; c++) {
            b.append((char) c).append(c % 3 == 0 ? " " : "a");
        }
        assertSameAsReference(a, b.toString(), new TermAutomaton.Scratch());
    }

    @Test
    void nonCharactersAreDroppedNotMistakenForTableSentinels() {
        assertEquals("russia election", TextNormalizer.fold("Russia\uFFFE \uFFFFelection"));
        assertEquals(List.of("country:RU", "election_term:election"),
                Tagger.defaults().tag("Russia\uFFFE", "\uFFFEelection").matches().stream()
                        .map(m -> m.type() + ":" + m.id()).collect(java.util.stream.Collectors.toList()));
    }

    @Test
    void wideTableForLargeDictionariesFindsEveryOccurrence() {
        Random r = new Random(7);
        Set<String> patterns = new HashSet<>();
        while (patterns.size() < 6000) {
            char[] p = new char[4 + r.nextInt(12)];
            for (int i = 0; i < p.length; i++) {
                p[i] = (char) ('a' + r.nextInt(20));
            }
            patterns.add(new String(p));
        }
        List<String> list = new ArrayList<>(patterns);
        TermAutomaton.Builder builder = TermAutomaton.builder();
        for (int i = 0; i < list.size(); i++) {
            builder.add(list.get(i), i);
        }
        TermAutomaton a = builder.build();
        assertTrue(a.stateCount() > 32768, "needs the int table: " + a);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            text.append(r.nextInt(3) == 0 ? list.get(r.nextInt(list.size())) : String.valueOf((char) ('a' + r.nextInt(22))));
        }
        String t = text.toString();
        Set<String> naive = new HashSet<>();
        for (int p = 0; p < list.size(); p++) {
            for (int at = t.indexOf(list.get(p)); at >= 0; at = t.indexOf(list.get(p), at + 1)) {
                naive.add(p + "@" + at + "-" + (at + list.get(p).length()));
            }
        }
        List<String> found = new ArrayList<>();
        char[] chars = t.toCharArray();
        a.scan(chars, chars.length, (p, s, e) -> found.add(p + "@" + s + "-" + e));
        assertEquals(naive, new HashSet<>(found));
        assertEquals(found.size(), naive.size());
        assertSameAsReference(a, t, new TermAutomaton.Scratch());
    }
}

package org.influencemonitor.processor.tagging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Collectors;
import org.influencemonitor.model.Tags;
import org.junit.jupiter.api.Test;

/**
 * Exact matches, offsets and texts on inputs where folding does real work (Cyrillic, combining
 * diacritics, ß, ligatures, full-width forms, emoji and other surrogate pairs, CRLF and other
 * white space, soft hyphens). Recorded before the scan was fused with folding, and unchanged by it.
 */
class TaggerTrickyInputsTest {
    private static List<String> matches(String title, String text) {
        return Tagger.defaults().tag(title, text).matches().stream()
                .map(m -> m.type() + ":" + m.id() + "[" + m.start() + "," + m.end() + ")=" + m.text())
                .collect(Collectors.toList());
    }

    @Test
    void cyrillicWithCaseFormsAndCrlf() {
        assertEquals(List.of("election_term:election[0,6)=Выборы", "country:RU[9,15)=России",
                "country:RU[17,23)=Россия", "election_term:election[27,33)=выборы"),
                matches("Выборы в России", "Россия\r\nи выборы. Ёлка"));
    }

    @Test
    void combiningDiacriticsMapBackToTheWholeDecomposedSpan() {
        assertEquals(List.of("election_term:election[0,10)=E\u0301lections", "country:TR[14,22)=Tu\u0308rkiye",
                "election_term:election[28,38)=e\u0301lections", "country:TR[42,49)=Türkiye",
                "country:TR[56,63)=TÜRKIYE"),
                matches("E\u0301lections en Tu\u0308rkiye", "Les e\u0301lections en Türkiye et en TÜRKIYE"));
    }

    @Test
    void sharpSUmlautsAndGermanPrefixes() {
        assertEquals(List.of("election_term:election[0,6)=Wahlen", "election_term:election[23,27)=Wahl",
                "country:AT[31,41)=Österreich", "country:DE[46,57)=Deutschland"),
                matches("Wahlen", "Die Straße zur Wahl in Österreich und Deutschland"));
    }

    @Test
    void ligaturesExpandWithoutShiftingLaterOffsets() {
        assertEquals(List.of("country:RU[24,30)=Russia"), matches("\uFB01nance", "The \uFB01nal \uFB02ag of Russia"));
    }

    @Test
    void fullWidthFormsFoldButExactCaseSurfacesStayExact() {
        // "ＦＳＢ" folds to "fsb" but the actor's surface is case-exact "FSB", so it is not a match.
        assertEquals(List.of("country:RU[0,6)=Ｒｕｓｓｉａ", "election_term:election[12,20)=election",
                "actor:kremlin[22,29)=Kremlin"),
                matches("\uFF32\uFF55\uFF53\uFF53\uFF49\uFF41", "\uFF26\uFF33\uFF22 election \uFF08Kremlin\uFF09"));
    }

    @Test
    void emojiAndSurrogatePairsAreNonWordCharsAndKeepOffsets() {
        assertEquals(List.of("country:RU[5,11)=Russia", "election_term:election[15,23)=election",
                "country:UA[34,41)=Ukraine"),
                matches("\uD83C\uDDF7\uD83C\uDDFA Russia",
                        "\uD83D\uDE00election\uD83D\uDE00 in \uD83C\uDDFA\uD83C\uDDF8 Ukraine\uD83D\uDE00"));
    }

    @Test
    void crlfAndWhiteSpaceRunsInsideMultiWordNames() {
        assertEquals(List.of("country:GE[0,7)=Georgia", "country:GE[26,33)=Tbilisi", "country:GE[40,47)=Georgia",
                "election_term:vote[51,56)=voted"),
                matches("Georgia\r\n", "Protesters in\r\nTbilisi said\r\nGeorgia\r\n\r\nvoted"));
        assertEquals(List.of("country:SS[0,12)=South\r\nSudan", "country:SS[14,27)=South \t Sudan",
                "country:GW[32,46)=Guinea-\u00ADBissau", "country:RU[48,54)=Russia",
                "election_term:election[57,65)=election"),
                matches("South\r\nSudan", "South \t Sudan and Guinea-\u00ADBissau, Russia\u2019s election"));
    }

    @Test
    void tagsAreTheSameFromManyThreads() throws Exception {
        List<String> expected = matches("Выборы в России", "Россия\r\nи выборы. Ёлка");
        Tags reference = Tagger.defaults().tag("South\r\nSudan", "South \t Sudan and Guinea-\u00ADBissau");
        Thread[] threads = new Thread[4];
        Throwable[] failure = new Throwable[1];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = new Thread(() -> {
                try {
                    for (int i = 0; i < 500; i++) {
                        assertEquals(expected, matches("Выборы в России", "Россия\r\nи выборы. Ёлка"));
                        assertEquals(reference, Tagger.defaults().tag("South\r\nSudan", "South \t Sudan and Guinea-\u00ADBissau"));
                    }
                } catch (Throwable e) {
                    synchronized (failure) {
                        failure[0] = e;
                    }
                }
            });
            threads[t].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        if (failure[0] != null) {
            throw new AssertionError(failure[0]);
        }
    }
}

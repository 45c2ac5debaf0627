package org.influencemonitor.processor.tagging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.influencemonitor.model.Tags;
import org.junit.jupiter.api.Test;

/**
 * The per-script rules of docs/tagger.md ("Word boundaries", "Country names", "Narratives"), each
 * with exact matches and UTF-16 offsets into {@code title + "\n\n" + text}, right-to-left and
 * supplementary-plane text included.
 */
class MultilingualTaggerTest {
    private final Tagger tagger = Tagger.defaults();

    private List<String> matches(String title, String text, String language) {
        return tagger.tag(title, text, language).matches().stream()
                .map(m -> m.type() + ":" + m.id() + "[" + m.start() + "," + m.end() + ")=" + m.text())
                .collect(Collectors.toList());
    }

    private static void assertOffsetsAreVerbatim(String title, String text, Tags tags) {
        String document = title + Tagger.SEPARATOR + text;
        for (Tags.Match m : tags.matches()) {
            assertEquals(document.substring(m.start(), m.end()), m.text(), m.toString());
        }
    }

    @Test
    void arabicPrefixesAreClitics() {
        // و "and", ب "in", ال "the", and ل + ال written لل ("to China").
        assertEquals(List.of("country:MD[3,10)=مولدوفا", "country:RU[12,17)=روسيا", "country:CN[19,24)=للصين",
                        "election_term:election[26,36)=الانتخابات"),
                matches("في مولدوفا وروسيا وللصين بالانتخابات", "", "ar"));
        // A country name inside an unrelated word is no match: "روسيات" is not Russia with a clitic.
        assertEquals(List.of(), matches("كتبروسيات", "", "ar"));
    }

    @Test
    void hebrewPrefixesAreClitics() {
        Tags t = tagger.tag("שבבחירות בישראל ולרוסיה", "", "he");
        assertEquals(List.of("election_term:election[2,8)=בחירות", "country:IL[10,15)=ישראל", "country:RU[18,23)=רוסיה"),
                matches("שבבחירות בישראל ולרוסיה", "", "he"));
        assertOffsetsAreVerbatim("שבבחירות בישראל ולרוסיה", "", t);
    }

    @Test
    void bidirectionalTextKeepsUtf16Offsets() {
        // Latin, Arabic and Hebrew in one document, with an emoji (a surrogate pair) before each name.
        String title = "\uD83D\uDDF3 Moldova";
        String text = "\uD83C\uDDF2\uD83C\uDDE9 انتخابات مولدوفا \u200F(\u05D1\u05DE\u05D5\u05DC\u05D3\u05D5\u05D1\u05D4)\u200F";
        Tags t = tagger.tag(title, text, null);
        assertOffsetsAreVerbatim(title, text, t);
        assertEquals(List.of("country:MD[3,10)=Moldova", "election_term:election[17,25)=انتخابات",
                        "country:MD[26,33)=مولدوفا", "country:MD[37,44)=מולדובה"),
                matches(title, text, null));
    }

    @Test
    void persianHalfSpaceSeparatesASuffix() {
        assertEquals(List.of("election_term:election[0,8)=انتخابات", "country:IR[15,20)=ایران"),
                matches("انتخابات\u200Cها در ایران", "", "fa"));
    }

    @Test
    void koreanParticlesMayFollowButNotOtherSyllables() {
        assertEquals(List.of("country:RU[0,3)=러시아", "country:US[5,7)=미국"), matches("러시아는 미국의", "", "ko"));
        // 인도적 ("humanitarian") is not India; 인도에서 ("in India") is.
        assertEquals(List.of("country:IN[8,10)=인도"), matches("인도적 지원과 인도에서", "", "ko"));
    }

    @Test
    void katakanaWordsEndWhereKatakanaEnds() {
        // インドア ("indoor") is not インド (India); インドの and インド人 are.
        assertEquals(List.of("country:IN[5,8)=インド", "country:IN[10,13)=インド"), matches("インドア、インドの、インド人", "", "ja"));
    }

    @Test
    void hanNeedsNoBoundaryButCommonWordsWinTheirSpan() {
        assertEquals(List.of("country:CN[0,2)=中国"), matches("中国人民银行", "", "zh"));
        // 其中国家: "among them, states" — 其中 is a word, so 中国 inside it is not China.
        assertEquals(List.of(), matches("其中国家", "", "zh"));
        // A supplementary-plane ideograph (two UTF-16 units) before the name keeps the offsets right.
        Tags t = tagger.tag("", "\uD840\uDC00中国的选举", "zh");
        assertOffsetsAreVerbatim("", "\uD840\uDC00中国的选举", t);
        assertEquals(List.of("country:CN[2,4)=中国", "election_term:election[5,7)=选举"),
                matches("\uD840\uDC00中国的选举", "", "zh"));
    }

    @Test
    void latinNamesRunIntoChineseText() {
        assertEquals(List.of("country:MD[0,7)=Moldova", "election_term:election[7,9)=选举"), matches("Moldova选举", "", "zh"));
    }

    @Test
    void caselessScriptsMatchInitialCaseNames() {
        // Georgian has no capitals in running text; the case ending -ს follows the stem საქართველო*.
        assertEquals(List.of("country:GE[0,11)=საქართველოს", "election_term:election[12,21)=არჩევნები"),
                matches("საქართველოს არჩევნები", "", "ka"));
    }

    @Test
    void devanagariVowelSignsArePartOfTheWord() {
        // रूस (Russia) is not रस (juice), and is not inside रूसी (Russian), which has its own line.
        assertEquals(List.of("country:RU[0,3)=रूस", "country:RU[4,8)=रूसी"), matches("रूस रूसी रस", "", "hi"));
        assertEquals(List.of("country:IL[0,7)=इज़राइल", "country:IL[8,14)=इजराइल"), matches("इज़राइल इजराइल", "", "hi"));
    }

    @Test
    void generatedCaseFormsApplyToTheirLanguageOnly() {
        assertEquals(List.of("country:PL[2,8)=Polsce", "country:RU[11,16)=Rosji"), matches("w Polsce i Rosji", "", "pl"));
        assertEquals(List.of("country:HU[0,14)=Magyarországon"), matches("Magyarországon", "", "hu"));
        // "Iran*" is a Polish stem (Iranu, Iranie); in English text "Iranian" is its own line, and
        // "Columbia" is Romanian for Colombia, not the District of Columbia.
        assertEquals(List.of("country:IR[0,5)=Iranu"), matches("Iranu", "", "pl"));
        assertEquals(List.of(), matches("Iranu", "", "en"));
        assertEquals(List.of("country:CO[0,8)=Columbia"), matches("Columbia", "", "ro"));
        assertEquals(List.of(), matches("Columbia", "", "en"));
        assertEquals(List.of(), matches("Turki al-Faisal", "", "en"));
    }

    /** The false matches the new languages' names first added to the 2016 English corpus. */
    @Test
    void englishWordsThatAreCountryFormsElsewhereStayWords() {
        String text = "In Norfolk, Virginia, and the District of Columbia, Prince Turki, Daniel, Francis, Malia and "
                + "a Roman scholar faced scrutiny over TPS as the ruse was exposed; the fraud case went on.";
        for (String language : new String[] {"en", null}) {
            Tags t = tagger.tag("", text, language);
            assertEquals(List.of("US"), t.countries().stream().map(Tags.CountryTag::code).toList(), String.valueOf(language));
            assertEquals(List.of(), t.electionTerms(), String.valueOf(language));
            assertEquals(List.of(), t.narratives(), String.valueOf(language));
        }
    }

    @Test
    void anUnknownLanguageSeesOnlyUnrestrictedLines() {
        // Polish "Dani*" (Denmark: Danii, Danię) would take "Daniel" in any other language.
        assertEquals(List.of(), matches("Daniel", "", null));
        assertEquals(List.of("country:DK[0,5)=Danii"), matches("Danii", "", "pl-PL"));
        assertEquals(List.of("country:IR[0,5)=Iranu"), matches("Iranu", "", "pl_PL"));
    }

    @Test
    void participlesAndPeriphrasesNeedAnElectionInTheSentence() {
        assertTrue(narratives("Die Opposition behauptet, die Wahlen in Georgien seien manipuliert worden.", "de"));
        assertTrue(!narratives("Das Spiel sei manipuliert worden, sagen die Fans.", "de"));
        assertTrue(narratives("Segundo o partido, houve fraude nas eleições do Brasil.", "pt"));
        assertTrue(!narratives("A polícia investiga uma fraude bancária. Haverá eleições em março.", "pt"));
        assertTrue(narratives("Wybory w Polsce zostały sfałszowane.", "pl"));
        assertTrue(!narratives("Mecz został sfałszowany.", "pl"));
    }

    @Test
    void riggingAMatchOrAMarketIsNoElectionFraudClaim() {
        assertTrue(!narratives("The referee was accused of rigging the match, a stolen victory for the hosts.", "en"));
        assertTrue(!narratives("He pleaded guilty to wire fraud and rigging currency rates.", "en"));
        assertTrue(narratives("The system is rigged, he told the rally.", "en"));
        assertTrue(narratives("The referee said the election was rigged.", "en"));
    }

    private boolean narratives(String text, String language) {
        return !tagger.tag("", text, language).narratives().isEmpty();
    }
}

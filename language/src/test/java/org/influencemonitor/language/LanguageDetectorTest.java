package org.influencemonitor.language;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * One short news sentence per detected language (written for this test, not taken from the labelled
 * set the processor measures with), the script shortcuts, and the edge cases.
 */
class LanguageDetectorTest {
    private final LanguageDetector detector = LanguageDetector.defaults();

    private static final Map<String, String> SENTENCES = new TreeMap<>(Map.ofEntries(
            Map.entry("en", "Voters queued for hours outside polling stations in the capital on Sunday."),
            Map.entry("fr", "Les électeurs ont fait la queue pendant des heures devant les bureaux de vote."),
            Map.entry("de", "Die Wähler standen am Sonntag stundenlang vor den Wahllokalen der Hauptstadt."),
            Map.entry("es", "Los votantes hicieron cola durante horas frente a los colegios electorales."),
            Map.entry("pt", "Os eleitores fizeram fila durante horas em frente às seções eleitorais."),
            Map.entry("ru", "В воскресенье избиратели часами стояли в очередях у избирательных участков."),
            Map.entry("uk", "У неділю виборці годинами стояли в чергах біля виборчих дільниць у столиці."),
            Map.entry("bg", "В неделя избирателите чакаха с часове пред избирателните секции в столицата."),
            Map.entry("ro", "Alegătorii au stat ore întregi la coadă în fața secțiilor de votare din capitală."),
            Map.entry("pl", "W niedzielę wyborcy godzinami stali w kolejkach przed lokalami wyborczymi."),
            Map.entry("cs", "V neděli voliči hodiny stáli ve frontách před volebními místnostmi v hlavním městě."),
            Map.entry("sk", "V nedeľu voliči celé hodiny stáli v radoch pred volebnými miestnosťami v hlavnom meste."),
            Map.entry("hu", "A választók vasárnap órákig álltak sorban a szavazóhelyiségek előtt a fővárosban."),
            Map.entry("tr", "Seçmenler pazar günü başkentteki sandıkların önünde saatlerce kuyrukta bekledi."),
            Map.entry("id", "Para pemilih mengantre berjam-jam di depan tempat pemungutan suara di ibu kota."),
            Map.entry("ar", "اصطف الناخبون لساعات أمام مراكز الاقتراع في العاصمة يوم الأحد."),
            Map.entry("fa", "رأی‌دهندگان روز یکشنبه ساعت‌ها در برابر حوزه‌های رأی‌گیری در پایتخت صف کشیدند."),
            Map.entry("he", "הבוחרים עמדו בתור שעות ארוכות מול הקלפיות בבירה ביום ראשון."),
            Map.entry("ka", "კვირას ამომრჩევლები საათობით იდგნენ რიგში საარჩევნო უბნებთან დედაქალაქში."),
            Map.entry("zh", "周日，选民在首都的投票站外排队数小时。"),
            Map.entry("ja", "日曜日、有権者は首都の投票所の前で何時間も列を作った。"),
            Map.entry("ko", "일요일 유권자들은 수도의 투표소 앞에서 몇 시간 동안 줄을 섰다."),
            Map.entry("hi", "रविवार को मतदाता राजधानी के मतदान केंद्रों के बाहर घंटों कतार में खड़े रहे।")));

    @Test
    void detectsEachLanguageOfTheTagger() {
        assertEquals(SENTENCES.keySet(), detector.languages());
        Map<String, String> got = new TreeMap<>();
        SENTENCES.forEach((code, text) -> got.put(code, detector.detect(text).orElse("?")));
        Map<String, String> expected = new TreeMap<>();
        SENTENCES.keySet().forEach(code -> expected.put(code, code));
        assertEquals(expected, got);
    }

    @Test
    void aScriptThatNamesItsLanguageDecidesEvenWithLatinNamesInIt() {
        assertEquals(Optional.of("he"), ScriptLanguage.of("ראש הממשלה נפגש עם Emmanuel Macron ו-Olaf Scholz בירושלים"));
        assertEquals(Optional.of("ja"), ScriptLanguage.of("ロシアは日本の選挙に介入した"));
        assertEquals(Optional.of("zh"), ScriptLanguage.of("俄罗斯干预日本选举"));
        assertEquals(Optional.empty(), ScriptLanguage.of("Moscow and Kyiv"));
    }

    @Test
    void onlyTheHeadOfALongTextIsRead() {
        String french = SENTENCES.get("fr").repeat(20);
        String english = SENTENCES.get("en").repeat(200);
        assertEquals(Optional.of("fr"), detector.detect(french + " " + english));
    }

    @Test
    void nothingToGoOnIsUnknown() {
        assertEquals(Optional.empty(), detector.detect(null));
        assertEquals(Optional.empty(), detector.detect(""));
        assertEquals(Optional.empty(), detector.detect("2024-10-18 14:00 — 12 345 / 67 %"));
    }
}

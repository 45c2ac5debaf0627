package org.influencemonitor.ingest.gdelt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import org.influencemonitor.ingest.Candidate;
import org.influencemonitor.model.Json;
import org.junit.jupiter.api.Test;

class GkgRecordTest {
    private static String line(String collection, String document, String v1, String v2, String extras) {
        String[] f = new String[27];
        java.util.Arrays.fill(f, "");
        f[0] = "20241018140000-7";
        f[1] = "20241018140500";
        f[2] = collection;
        f[3] = "ipn.md";
        f[4] = document;
        f[9] = v1;
        f[10] = v2;
        f[26] = extras;
        return String.join("\t", f);
    }

    @Test
    void aWebRecordGivesItsUrlSourceTimeTitleAndIsoCountryHints() {
        Candidate c = GkgRecord.parse(line("1", "https://www.ipn.md/en/x", "1#Germany#GM#GM#51#9#GM",
                "1#Moldova#MD#MD##47#29#MD#10;4#Moscow, Russia#RS#RS48#0#55.7#37.6#-2960561#50;1#Ukraine#UP#UP##49#32#UP#90;"
                        + "1#Moldova#MD#MD##47#29#MD#400;1#Paracel Islands#PF#PF##16#112#PF#500",
                "<PAGE_TITLE>Vote buying &amp; the Kremlin</PAGE_TITLE><PAGE_AUTHORS>IPN</PAGE_AUTHORS>"));
        assertEquals("https://www.ipn.md/en/x", c.url());
        assertNull(c.id());
        assertEquals("ipn.md", c.source());
        assertEquals(Instant.parse("2024-10-18T14:05:00Z"), c.publishedAt());
        assertEquals("Vote buying &amp; the Kremlin", c.title(), "entities are decoded when the text is cleaned");
        assertEquals(List.of("MD", "RU", "UA"), c.countryHints(),
                "V2 locations win over V1; FIPS RS is Russia and UP Ukraine; a territory without ISO code gives no hint");
    }

    @Test
    void withoutV2LocationsV1IsReadAndANonWebSourceKeepsItsIdentifierAsTheId() {
        Candidate c = GkgRecord.parse(line("2", "Journal of Elections 12(3)", "1#Germany#GM#GM#51#9#GM;1#Romania#RO#RO#46#25#RO", "",
                "<PAGE_TITLE>T</PAGE_TITLE>"));
        assertNull(c.url());
        assertEquals("Journal of Elections 12(3)", c.id());
        assertEquals(List.of("DE", "RO"), c.countryHints());
    }

    @Test
    void aRecordWithTheWrongNumberOfFieldsOrDateIsRefused() {
        assertEquals("a GKG 2.1 record has 27 tab-separated fields, this one 3",
                assertThrows(IllegalArgumentException.class, () -> GkgRecord.parse("a\tb\tc")).getMessage());
        String badDate = line("1", "https://x.example/", "", "", "").replace("20241018140500", "2024-10-18");
        assertEquals("V2.1DATE \"2024-10-18\" is not a GKG date (YYYYMMDDHHMMSS)",
                assertThrows(IllegalArgumentException.class, () -> GkgRecord.parse(badDate)).getMessage());
    }

    @Test
    void docArtListArticlesGiveUrlTitleDomainTimeAndLanguageCode() throws Exception {
        JsonNode doc = Json.mapper().readTree("{\"articles\":[{\"url\":\"https://zdg.md/1\",\"title\":\"Alegeri\","
                + "\"seendate\":\"20241020T213000Z\",\"domain\":\"zdg.md\",\"language\":\"Romanian\",\"sourcecountry\":\"Moldova\"},"
                + "{\"url\":\"https://x.example/2\",\"title\":\"T\",\"seendate\":\"yesterday\"}]}");
        List<DocArticleList.Entry> entries = DocArticleList.entries(doc);
        Candidate c = entries.get(0).candidate();
        assertEquals("https://zdg.md/1", c.url());
        assertEquals("zdg.md", c.source());
        assertEquals("ro", c.language());
        assertEquals(Instant.parse("2024-10-20T21:30:00Z"), c.publishedAt());
        assertEquals(List.of(), c.countryHints(), "sourcecountry is the outlet's, not the story's");
        assertEquals("seendate \"yesterday\" is not a DOC 2.0 date such as 20241018T140500Z", entries.get(1).problem());
        assertThrows(IllegalArgumentException.class, () -> DocArticleList.entries(Json.mapper().readTree("{\"x\":1}")));
    }

    @Test
    void fipsCodesThatLookLikeIsoCodesMeanOtherCountries() {
        assertEquals("DE", FipsCountries.iso("GM").orElseThrow());
        assertEquals("AT", FipsCountries.iso("AU").orElseThrow());
        assertEquals("AU", FipsCountries.iso("AS").orElseThrow());
        assertEquals("RU", FipsCountries.iso("RS").orElseThrow());
        assertEquals("RS", FipsCountries.iso("RI").orElseThrow());
        assertEquals("MD", FipsCountries.iso("MD").orElseThrow());
        assertEquals("GB", FipsCountries.iso("UK").orElseThrow());
        assertEquals(java.util.Optional.empty(), FipsCountries.iso("PF"));
    }
}

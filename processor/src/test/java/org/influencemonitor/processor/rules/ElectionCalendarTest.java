package org.influencemonitor.processor.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ElectionCalendarTest {
    @TempDir
    Path dir;

    private static final RulesConfig.PreElection SIX_WEEKS = new RulesConfig.PreElection(6, 7, 0.5, true);

    @Test
    void theBundledCalendarParsesAndCoversTwentySixToTwentyEight() {
        ElectionCalendar c = ElectionCalendar.defaults();
        assertTrue(c.elections().size() >= 30, "" + c.elections().size());
        assertTrue(c.elections().stream().allMatch(e -> e.date().getYear() >= 2026 && e.date().getYear() <= 2028));
        assertTrue(c.elections().stream().anyMatch(e -> e.country().equals("US")
                && e.date().equals(LocalDate.parse("2026-11-03"))));
    }

    @Test
    void theFactorAppliesFromWeeksBeforeToDaysAfterTheVote() {
        ElectionCalendar c = new ElectionCalendar(List.of(
                new ElectionCalendar.Election("md", LocalDate.parse("2026-10-04"), "parliamentary")));
        assertEquals(1.0, c.preElectionFactor("MD", Instant.parse("2026-08-22T23:59:59Z"), SIX_WEEKS));
        assertEquals(0.5, c.preElectionFactor("MD", Instant.parse("2026-08-23T00:00:00Z"), SIX_WEEKS), "6 weeks before");
        assertEquals(0.5, c.preElectionFactor("MD", Instant.parse("2026-10-11T23:59:59Z"), SIX_WEEKS), "7 days after");
        assertEquals(1.0, c.preElectionFactor("MD", Instant.parse("2026-10-12T00:00:00Z"), SIX_WEEKS));
        assertEquals(1.0, c.preElectionFactor("RO", Instant.parse("2026-10-04T12:00:00Z"), SIX_WEEKS));
        assertEquals("parliamentary", c.electionAround("md", Instant.parse("2026-10-01T00:00:00Z"), SIX_WEEKS)
                .orElseThrow().type());
    }

    @Test
    void csvAndYamlFilesLoad() throws Exception {
        Path csv = dir.resolve("e.csv");
        Files.writeString(csv, "# mine\ncountry,date,type,note\nMD,2028-10-29,presidential,\nro,2028-12-03,parliamentary\n");
        assertEquals(List.of(new ElectionCalendar.Election("MD", LocalDate.parse("2028-10-29"), "presidential"),
                new ElectionCalendar.Election("RO", LocalDate.parse("2028-12-03"), "parliamentary")),
                ElectionCalendar.load(csv).elections());
        Path yaml = dir.resolve("e.yaml");
        Files.writeString(yaml, "elections:\n  - {country: GE, date: 2028-10-28, type: parliamentary}\n");
        assertEquals(List.of(new ElectionCalendar.Election("GE", LocalDate.parse("2028-10-28"), "parliamentary")),
                ElectionCalendar.load(yaml).elections());
    }

    @Test
    void aBadDateNamesFileLineAndValue() throws Exception {
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "country,date,type\nMD,29.10.2028,presidential\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ElectionCalendar.load(csv));
        assertEquals(csv + ": line 2: field date: not a YYYY-MM-DD date, got '29.10.2028'", e.getMessage());
    }
}

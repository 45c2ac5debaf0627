package org.influencemonitor.processor.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulesConfigTest {
    @TempDir
    Path dir;

    @Test
    void defaultsAreTheBundledFile() {
        RulesConfig c = RulesConfig.defaults();
        assertEquals(2, c.quietWindowsToResolve());
        assertEquals(100, c.threshold().articles());
        assertEquals(1e-6, c.spike().pValue());
        assertEquals(1e-7, c.spike().minCountPValue());
        assertEquals(5, c.narrative().horizonWindows());
        assertEquals(2, c.spike().horizonWindows());
        assertEquals(7.5e-6, c.narrative().horizonPValue(), 1e-12);
        assertEquals(3e-6, c.spike().horizonPValue(), 1e-12);
        assertTrue(c.level().enabled());
        assertEquals(0.01, c.spike().resolvePValue());
        assertEquals(48.0, c.spike().baseline().warmupHours());
        assertEquals(0.0, c.narrative().severity().critical());
        assertNull(c.share().severity().critical());
        assertEquals(30, c.newActor().lookBackDays());
        assertTrue(c.preElection().raiseSeverity());
    }

    @Test
    void aFileOverridesOnlyWhatItSays() throws Exception {
        Path f = dir.resolve("rules.yaml");
        Files.writeString(f, """
                # ours
                threshold:
                  countries: {US: 200, MD: 15}
                spike:
                  min_count: 8
                  baseline: {half_life_days: 3}
                quiet_windows_to_resolve: 3
                """);
        RulesConfig c = RulesConfig.load(f);
        RulesConfig d = RulesConfig.defaults();
        assertEquals(Map.of("US", 200, "MD", 15), c.threshold().countries());
        assertEquals(200, c.threshold().articlesFor("us"));
        assertEquals(100, c.threshold().articlesFor("DE"));
        assertEquals(8, c.spike().minCount());
        assertEquals(3.0, c.spike().baseline().halfLifeDays());
        assertEquals(d.spike().baseline().warmupHours(), c.spike().baseline().warmupHours());
        assertEquals(d.spike().pValue(), c.spike().pValue());
        assertEquals(3, c.quietWindowsToResolve());
        assertEquals(d.narrative(), c.narrative());
    }

    @Test
    void coverageHasBundledDefaultsAndMergesLikeTheOtherSections() throws Exception {
        RulesConfig.Coverage d = RulesConfig.defaults().coverage();
        assertTrue(d.enabled());
        assertEquals(1e-6, d.pValue());
        assertEquals(24.0, d.minDailyArticles());
        assertEquals(500, d.maxSources());
        Path f = dir.resolve("coverage.yaml");
        Files.writeString(f, "coverage: {max_sources: 50}\n");
        assertEquals(new RulesConfig.Coverage(true, 1e-6, 24.0, 50), RulesConfig.load(f).coverage());
        assertTrue(error("coverage: {p_value: 0}\n").contains("field coverage.p_value: must be in (0, 1), got 0.0"));
        assertTrue(error("coverage: {max_sources: 0}\n").contains("field coverage.max_sources: must be at least 1"));
        assertTrue(error("coverage: {min_daily: 3}\n").contains("unknown field coverage.min_daily"));
    }

    @Test
    void anEmptyFileIsTheDefaults() throws Exception {
        Path f = dir.resolve("empty.yaml");
        Files.writeString(f, "# nothing\n");
        assertEquals(RulesConfig.defaults(), RulesConfig.load(f));
    }

    private String error(String yaml) throws Exception {
        Path f = dir.resolve("bad.yaml");
        Files.writeString(f, yaml);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RulesConfig.load(f));
        assertTrue(e.getMessage().startsWith(f.toString() + ": "), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        return e.getMessage();
    }

    @Test
    void badFilesAreRefusedWithFileFieldAndValue() throws Exception {
        assertTrue(error("spike: {p_valu: 0.001}\n").contains("unknown field spike.p_valu"));
        String wrongType = error("threshold: {articles: many}\n");
        assertTrue(wrongType.contains("field threshold.articles") && wrongType.contains("'many'"), wrongType);
        String range = error("spike: {p_value: 2}\n");
        assertTrue(range.contains("field spike.p_value: must be in (0, 1), got 2.0"), range);
        String ratio = error("narrative: {min_ratio: 0.5}\n");
        assertTrue(ratio.contains("field narrative.min_ratio") && ratio.contains("0.5"), ratio);
        String country = error("threshold: {countries: {Moldova: 5}}\n");
        assertTrue(country.contains("threshold.countries.Moldova"), country);
        String quiet = error("quiet_windows_to_resolve: 0\n");
        assertTrue(quiet.contains("quiet_windows_to_resolve") && quiet.contains("got 0"), quiet);
        String yaml = error("spike: [unclosed\n");
        assertTrue(yaml.contains("not valid YAML"), yaml);
        String top = error("- a\n- b\n");
        assertTrue(top.contains("mapping"), top);
        String bands = error("spike: {severity: {warning: 5, critical: 2}}\n");
        assertTrue(bands.contains("spike.severity.critical"), bands);
    }

    @Test
    void aMissingFileIsAnIllegalArgument() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RulesConfig.load(dir.resolve("nope.yaml")));
        assertTrue(e.getMessage().contains("nope.yaml"));
    }
}

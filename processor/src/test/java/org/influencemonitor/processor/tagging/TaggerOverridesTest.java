package org.influencemonitor.processor.tagging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.influencemonitor.model.ActorKind;
import org.influencemonitor.model.Tags;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaggerOverridesTest {
    @TempDir
    Path dir;

    private void write(String name, String... lines) throws IOException {
        Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }

    @Test
    void missingDirectoryIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Tagger.withOverrides(dir.resolve("nope")));
        assertTrue(e.getMessage().contains("nope"), e.getMessage());
    }

    @Test
    void emptyDirectoryGivesTheDefaults() {
        Tags t = Tagger.withOverrides(dir).tag("", "The Kremlin and Russia");
        assertEquals(Tagger.defaults().tag("", "The Kremlin and Russia"), t);
    }

    @Test
    void userEntriesAreAddedAndSameIdReplaces() throws IOException {
        write("actors.tsv",
                "# a new actor and a redefinition of RT",
                "alt_news\tRU\tstate_media\tAlt News\tAlt News",
                "rt\tRU\tstate_media\tRT (redefined)\tRussia Today");
        write("countries.tsv", "MD\tBessarabia");
        write("election-terms.tsv", "election\ten\tpoll day");
        Tagger t = Tagger.withOverrides(dir);
        Tags tags = t.tag("", "Alt News and RT said Bessarabia faces poll day; Russia Today agreed.");
        assertEquals(List.of(new Tags.ActorTag("alt_news", "Alt News", "RU", ActorKind.STATE_MEDIA, 1),
                new Tags.ActorTag("rt", "RT (redefined)", "RU", ActorKind.STATE_MEDIA, 1)), tags.actors());
        assertEquals(List.of(new Tags.CountryTag("MD", "Moldova", 1)), tags.countries());
        assertEquals(List.of(new Tags.TermTag("election", 1)), tags.electionTerms());
        // the bundled actors stay
        assertEquals("kremlin", t.tag("", "the Kremlin").actors().get(0).id());
    }

    @Test
    void aCountryLineCanSwitchASpellingOff() throws IOException {
        write("countries.tsv", "-\tJordan");
        assertEquals(List.of(), Tagger.withOverrides(dir).tag("", "Refugees crossed into Jordan.").countries());
    }

    @Test
    void badLinesNameFileAndLine() throws IOException {
        write("actors.tsv", "# comment", "", "x\tRU\tspies\tX\tX");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Tagger.withOverrides(dir));
        assertTrue(e.getMessage().contains("actors.tsv:3") && e.getMessage().contains("spies"), e.getMessage());

        write("actors.tsv", "ok\tRU\tproxy\tOk\tOk");
        write("countries.tsv", "ZZ\tNowhere");
        e = assertThrows(IllegalArgumentException.class, () -> Tagger.withOverrides(dir));
        assertTrue(e.getMessage().contains("countries.tsv:1") && e.getMessage().contains("ZZ"), e.getMessage());

        write("countries.tsv", "RU\tRossiya\trule=nonsense");
        e = assertThrows(IllegalArgumentException.class, () -> Tagger.withOverrides(dir));
        assertTrue(e.getMessage().contains("countries.tsv:1") && e.getMessage().contains("nonsense"), e.getMessage());

        write("countries.tsv", "RU");
        e = assertThrows(IllegalArgumentException.class, () -> Tagger.withOverrides(dir));
        assertTrue(e.getMessage().contains("countries.tsv:1"), e.getMessage());

        Files.delete(dir.resolve("countries.tsv"));
        write("state-media-domains.tsv", "example.org\tno_such_actor");
        e = assertThrows(IllegalArgumentException.class, () -> Tagger.withOverrides(dir));
        assertTrue(e.getMessage().contains("state-media-domains.tsv:1") && e.getMessage().contains("no_such_actor"), e.getMessage());
    }
}

package org.influencemonitor.language;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The language of a text, as an ISO 639-1 code, for articles that arrive without one: text in, code
 * or nothing out. Plain Java, no Kafka, so the processor's enrichment and ingest share it.
 *
 * <p>Scripts that name their language decide at once ({@link ScriptLanguage}); Latin, Cyrillic and
 * Arabic text goes to Lingua, built for the languages of {@code detected-languages.txt} only and in
 * its low-accuracy mode (up to trigram statistics, about 24 MB of heap instead of 570 MB, the
 * same answers on the project's labelled set; measured in docs/tagger.md). Only the first
 * {@value #MAX_CHARS} chars are read: a headline and a lede are plenty, and the cost stays flat for
 * long articles. Immutable and thread-safe.
 */
public final class LanguageDetector {
    /** Detection reads at most this many chars of the text. */
    public static final int MAX_CHARS = 1000;
    private static final String LANGUAGES_FILE = "detected-languages.txt";
    /**
     * Lingua's n-gram files that low-accuracy mode reads, and so the only ones the application jar
     * ships. Languages with a script of their own come with unigrams only.
     */
    private static final List<String> MODEL_FILES = List.of("unigrams.json", "bigrams.json", "trigrams.json");

    private static volatile LanguageDetector defaults;

    private final Set<String> languages;
    private final com.github.pemistahl.lingua.api.LanguageDetector lingua;

    private LanguageDetector(Set<String> languages) {
        this.languages = Set.copyOf(languages);
        List<Language> chosen = new ArrayList<>();
        for (String code : languages) {
            Language language = Language.getByIsoCode639_1(IsoCode639_1.valueOf(code.toUpperCase(Locale.ROOT)));
            requireModels(code);
            chosen.add(language);
        }
        this.lingua = LanguageDetectorBuilder.fromLanguages(chosen.toArray(new Language[0]))
                .withLowAccuracyMode()
                .withPreloadedLanguageModels() // load now, not on the first article of each language
                .build();
    }

    /** The detector for the bundled language list; built once per JVM (the models take a second to load). */
    public static LanguageDetector defaults() {
        LanguageDetector d = defaults;
        if (d == null) {
            synchronized (LanguageDetector.class) {
                d = defaults;
                if (d == null) {
                    d = new LanguageDetector(bundledLanguages());
                    defaults = d;
                }
            }
        }
        return d;
    }

    /** The ISO 639-1 codes this detector can answer. */
    public Set<String> languages() {
        return languages;
    }

    /** The language of {@code text}, or empty when there is nothing to go on (no letters, or too little text). */
    public Optional<String> detect(CharSequence text) {
        if (text == null) {
            return Optional.empty();
        }
        CharSequence head = text.length() > MAX_CHARS ? text.subSequence(0, MAX_CHARS) : text;
        Optional<String> byScript = ScriptLanguage.of(head);
        if (byScript.isPresent()) {
            return byScript.filter(languages::contains);
        }
        Language language = lingua.detectLanguageOf(head.toString());
        if (language == Language.UNKNOWN) {
            return Optional.empty();
        }
        return Optional.of(language.getIsoCode639_1().toString().toLowerCase(Locale.ROOT));
    }

    /**
     * Lingua treats a missing model file as an empty model and quietly guesses worse, so a jar that
     * was packed without one of them must fail here instead.
     */
    private static void requireModels(String code) {
        for (String file : ScriptLanguage.decides(code) ? List.of(MODEL_FILES.get(0)) : MODEL_FILES) {
            String path = "/language-models/" + code + "/" + file;
            if (Language.class.getResource(path) == null) {
                throw new IllegalStateException("language model missing from the classpath: " + path);
            }
        }
    }

    static Set<String> bundledLanguages() {
        try (InputStream in = LanguageDetector.class.getResourceAsStream(LANGUAGES_FILE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + LANGUAGES_FILE);
            }
            Set<String> codes = new TreeSet<>();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                String t = line.strip();
                if (!t.isEmpty() && !t.startsWith("#")) {
                    codes.add(t);
                }
            }
            return codes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

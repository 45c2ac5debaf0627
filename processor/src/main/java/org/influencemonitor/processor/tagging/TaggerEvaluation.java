package org.influencemonitor.processor.tagging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.Set;
import java.util.TreeSet;
import org.influencemonitor.model.Tags;

/**
 * Precision, recall and F1 of a {@link Tagger} against a labelled JSON Lines set (the bundled
 * {@code /eval/tagger-eval.jsonl} by default). Each line is an article ({@code id, url, source,
 * title, text, language, published_at}) with {@code expect: {countries: [codes], actors:
 * [[country, kind], ...], election: bool, narratives: [ids]}}. Scores are micro-averaged over
 * articles: countries, actors as (country, kind) pairs and narratives as sets per article, the
 * election flag as one yes/no decision per article. Actors are those named in the text; the outlet
 * itself ({@link Tagger#sourceActor}) is not counted.
 */
public final class TaggerEvaluation {
    public static final String BUNDLED_SET = "/eval/tagger-eval.jsonl";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One labelled article. */
    public record Article(String id, String title, String text, String language,
                          Set<String> countries, Set<String> actors, boolean election, Set<String> narratives) {
    }

    /** Counts for one dimension. */
    public record Metric(String name, int truePositives, int falsePositives, int falseNegatives) {
        public double precision() {
            int d = truePositives + falsePositives;
            return d == 0 ? 1.0 : (double) truePositives / d;
        }

        public double recall() {
            int d = truePositives + falseNegatives;
            return d == 0 ? 1.0 : (double) truePositives / d;
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    /** A yes/no judgement per article: how many of them the tagger got right. */
    public record Accuracy(String name, int correct, int total) {
        public double value() {
            return total == 0 ? 1.0 : (double) correct / total;
        }
    }

    /**
     * The scores of one language's articles: countries and actors as micro-averaged F1, the election
     * flag and the narrative set as the share of articles where the tagger agrees with the label.
     */
    public record LanguageScore(String language, int articles, Metric countries, Metric actors,
                                Accuracy election, Accuracy narratives) {
    }

    /** An article where the tagger and the labels disagree on one dimension. */
    public record Miss(String articleId, String dimension, Set<String> missing, Set<String> unexpected) {
    }

    public record Report(int articles, Metric countries, Metric actors, Metric election, Metric narratives, List<Miss> misses,
                         List<LanguageScore> languages) {
        public List<Metric> metrics() {
            return List.of(countries, actors, election, narratives);
        }

        public Optional<LanguageScore> language(String code) {
            return languages.stream().filter(l -> l.language().equals(code)).findFirst();
        }

        /** The metrics table followed by the misses, as printed by {@code monitor eval}. */
        public String format() {
            StringBuilder b = new StringBuilder();
            b.append(String.format(Locale.ROOT, "%d articles%n", articles));
            b.append(String.format(Locale.ROOT, "%-11s %9s %9s %9s %5s %5s %5s%n", "dimension", "precision", "recall", "F1", "TP", "FP", "FN"));
            for (Metric m : metrics()) {
                b.append(String.format(Locale.ROOT, "%-11s %9.3f %9.3f %9.3f %5d %5d %5d%n", m.name(), m.precision(), m.recall(), m.f1(),
                        m.truePositives(), m.falsePositives(), m.falseNegatives()));
            }
            b.append(String.format(Locale.ROOT, "%nper language (countries and actors: F1; election and narratives: share of articles right)%n"));
            b.append(String.format(Locale.ROOT, "%-8s %8s %9s %9s %9s %9s%n", "language", "articles", "countries", "actors", "election", "narrative"));
            for (LanguageScore l : languages) {
                b.append(String.format(Locale.ROOT, "%-8s %8d %9.3f %9.3f %9.3f %9.3f%n", l.language(), l.articles(),
                        l.countries().f1(), l.actors().f1(), l.election().value(), l.narratives().value()));
            }
            b.append(String.format(Locale.ROOT, "%nmisses (%d):%n", misses.size()));
            for (Miss m : misses) {
                b.append(String.format(Locale.ROOT, "  %-9s %-11s missing=%s unexpected=%s%n", m.articleId(), m.dimension(), m.missing(), m.unexpected()));
            }
            return b.toString();
        }
    }

    private TaggerEvaluation() {
    }

    public static List<Article> bundledSet() {
        try (InputStream in = TaggerEvaluation.class.getResourceAsStream(BUNDLED_SET)) {
            if (in == null) {
                throw new IllegalStateException("evaluation set missing from the classpath: " + BUNDLED_SET);
            }
            return read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), BUNDLED_SET);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Article> load(Path file) {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(r, file.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    static List<Article> read(BufferedReader reader, String name) throws IOException {
        List<Article> out = new ArrayList<>();
        String line;
        int n = 0;
        while ((line = reader.readLine()) != null) {
            n++;
            if (line.isBlank()) {
                continue;
            }
            try {
                out.add(parse(JSON.readTree(line)));
            } catch (IOException | RuntimeException e) {
                throw new IllegalArgumentException(name + ":" + n + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    private static Article parse(JsonNode node) {
        JsonNode expect = node.path("expect");
        if (!expect.isObject()) {
            throw new IllegalArgumentException("no 'expect' object");
        }
        Set<String> countries = new TreeSet<>();
        expect.path("countries").forEach(c -> countries.add(c.asText().toUpperCase(Locale.ROOT)));
        Set<String> actors = new TreeSet<>();
        for (JsonNode a : expect.path("actors")) {
            if (!a.isArray() || a.size() != 2) {
                throw new IllegalArgumentException("actors must be [country, kind] pairs, got " + a);
            }
            actors.add(actorKey(a.get(0).asText(), a.get(1).asText()));
        }
        Set<String> narratives = new TreeSet<>();
        expect.path("narratives").forEach(x -> narratives.add(x.asText()));
        return new Article(node.path("id").asText(), node.path("title").asText(""), node.path("text").asText(""),
                node.path("language").asText(""), countries, actors, expect.path("election").asBoolean(false), narratives);
    }

    private static String actorKey(String country, String kind) {
        return country.toUpperCase(Locale.ROOT) + "/" + kind.toLowerCase(Locale.ROOT);
    }

    /**
     * Tags every article in its labelled language (so lines restricted to other languages stay out,
     * as in the processor) and scores it, overall and per language.
     */
    public static Report evaluate(Tagger tagger, List<Article> articles) {
        Scorer all = new Scorer();
        Map<String, Scorer> byLanguage = new TreeMap<>();
        List<Miss> misses = new ArrayList<>();
        for (Article a : articles) {
            Tags tags = tagger.tag(a.title(), a.text(), a.language());
            all.add(a, tags, misses);
            byLanguage.computeIfAbsent(a.language().isBlank() ? "?" : a.language(), k -> new Scorer()).add(a, tags, new ArrayList<>());
        }
        List<LanguageScore> languages = new ArrayList<>();
        byLanguage.forEach((code, s) -> languages.add(new LanguageScore(code, s.articles, s.countries.metric(),
                s.actors.metric(), new Accuracy("election", s.electionRight, s.articles),
                new Accuracy("narratives", s.narrativesRight, s.articles))));
        return new Report(articles.size(), all.countries.metric(), all.actors.metric(), all.election.metric(),
                all.narratives.metric(), misses, languages);
    }

    /** The counts of one group of articles. */
    private static final class Scorer {
        final Counter countries = new Counter("countries");
        final Counter actors = new Counter("actors");
        final Counter election = new Counter("election");
        final Counter narratives = new Counter("narratives");
        int articles;
        int electionRight;
        int narrativesRight;

        void add(Article a, Tags tags, List<Miss> misses) {
            Set<String> gotCountries = new TreeSet<>();
            tags.countries().forEach(c -> gotCountries.add(c.code()));
            Set<String> gotActors = new TreeSet<>();
            tags.actors().forEach(x -> gotActors.add(actorKey(x.country(), x.kind().wireName())));
            Set<String> gotElection = tags.electionTerms().isEmpty() ? Set.of() : Set.of("election");
            Set<String> gotNarratives = new TreeSet<>();
            tags.narratives().forEach(x -> gotNarratives.add(x.id()));
            Set<String> wantElection = a.election() ? Set.of("election") : Set.of();
            countries.add(a.id(), a.countries(), gotCountries, misses);
            actors.add(a.id(), a.actors(), gotActors, misses);
            election.add(a.id(), wantElection, gotElection, misses);
            narratives.add(a.id(), a.narratives(), gotNarratives, misses);
            articles++;
            electionRight += wantElection.equals(gotElection) ? 1 : 0;
            narrativesRight += a.narratives().equals(gotNarratives) ? 1 : 0;
        }
    }

    private static final class Counter {
        private final String name;
        private int tp;
        private int fp;
        private int fn;

        Counter(String name) {
            this.name = name;
        }

        void add(String id, Set<String> expected, Set<String> got, List<Miss> misses) {
            Set<String> missing = new TreeSet<>(expected);
            missing.removeAll(got);
            Set<String> unexpected = new TreeSet<>(got);
            unexpected.removeAll(expected);
            tp += expected.size() - missing.size();
            fn += missing.size();
            fp += unexpected.size();
            if (!missing.isEmpty() || !unexpected.isEmpty()) {
                misses.add(new Miss(id, name, missing, unexpected));
            }
        }

        Metric metric() {
            return new Metric(name, tp, fp, fn);
        }
    }

    /** {@code java ... TaggerEvaluation [set.jsonl [dictionaryDir]]}: prints the report. */
    public static void main(String[] args) {
        List<Article> set = args.length > 0 ? load(Path.of(args[0])) : bundledSet();
        Tagger tagger = args.length > 1 ? Tagger.withOverrides(Path.of(args[1])) : Tagger.defaults();
        System.out.print(evaluate(tagger, set).format());
    }
}

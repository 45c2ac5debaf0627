package org.influencemonitor.bench;

import com.hankcs.algorithm.AhoCorasickDoubleArrayTrie;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.influencemonitor.model.Tags;
import org.influencemonitor.processor.tagging.Tagger;
import org.influencemonitor.processor.tagging.TaggerDictionaries;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Throughput of {@link Tagger#tag} on ~4 KB articles with the full bundled dictionaries, next to two
 * baselines over the same surface forms: one case-insensitive regex alternation, and the hankcs
 * double-array Aho-Corasick trie over lower-cased text. One operation = one article; MB/s per
 * thread = ops/s x mean article size (printed at setup), since JMH runs one thread by default.
 *
 * <p>The baselines only find raw occurrences; the tagger also folds diacritics, checks word
 * boundaries, case and ambiguity rules, resolves overlaps and builds {@link Tags}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TaggerBenchmark {
    private List<BenchArticles.Article> articles;
    private Tagger tagger;
    private Pattern regex;
    private AhoCorasickDoubleArrayTrie<String> hankcs;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        articles = BenchArticles.load(64);
        long before = usedHeapAfterGc();
        tagger = Tagger.defaults();
        long dictionaries = usedHeapAfterGc() - before;
        List<String> terms = new ArrayList<>(TaggerDictionaries.bundledSurfaceForms());
        terms.sort(Comparator.comparingInt(String::length).reversed()); // longest alternative first
        StringBuilder alternation = new StringBuilder("(?<![\\p{L}\\p{N}])(?:");
        TreeMap<String, String> lower = new TreeMap<>();
        for (int i = 0; i < terms.size(); i++) {
            if (i > 0) {
                alternation.append('|');
            }
            alternation.append(Pattern.quote(terms.get(i)));
            String l = terms.get(i).toLowerCase(Locale.ROOT);
            lower.put(l, l);
        }
        alternation.append(")(?![\\p{L}\\p{N}])");
        regex = Pattern.compile(alternation.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        hankcs = new AhoCorasickDoubleArrayTrie<>();
        hankcs.build(lower);
        long bytes = 0;
        for (BenchArticles.Article a : articles) {
            bytes += a.utf8Bytes();
        }
        System.out.printf(Locale.ROOT, "%n[bench] %d articles from %s, mean %.0f bytes (UTF-8); %d surface forms%n",
                articles.size(), BenchArticles.describeSource(), (double) bytes / articles.size(), terms.size());
        System.out.printf(Locale.ROOT, "[bench] loaded dictionaries: %.1f MB of heap (used heap after GC, before and after "
                + "building the tagger)%n%s%n", dictionaries / 1e6, TaggerDictionaries.automataReport());
    }

    private static long usedHeapAfterGc() {
        Runtime r = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return r.totalMemory() - r.freeMemory();
    }

    private BenchArticles.Article nextArticle() {
        BenchArticles.Article a = articles.get(next);
        next = next + 1 == articles.size() ? 0 : next + 1;
        return a;
    }

    @Benchmark
    public Tags tagger() {
        BenchArticles.Article a = nextArticle();
        return tagger.tag(a.title(), a.text());
    }

    @Benchmark
    public int regexAlternation() {
        BenchArticles.Article a = nextArticle();
        Matcher m = regex.matcher(a.title() + "\n\n" + a.text());
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Benchmark
    public void hankcsDoubleArrayTrie(Blackhole bh) {
        BenchArticles.Article a = nextArticle();
        String doc = (a.title() + "\n\n" + a.text()).toLowerCase(Locale.ROOT);
        hankcs.parseText(doc, (AhoCorasickDoubleArrayTrie.IHit<String>) (begin, end, value) -> bh.consume(begin));
    }
}

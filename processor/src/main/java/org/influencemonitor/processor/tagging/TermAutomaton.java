package org.influencemonitor.processor.tagging;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An Aho-Corasick automaton over folded text, compiled to a full transition table so the scan does
 * one array lookup per char: every dictionary term of every kind is found in a single pass,
 * whatever the number of terms. Chars that occur in no term share one symbol, which keeps the table
 * narrow (about a hundred columns for Latin, Cyrillic and the few CJK names).
 *
 * <p>Layout, chosen for the cache rather than for size alone: rows are a power of two wide (a
 * shift, not a multiply, on the critical path); symbols are numbered with the space and the Latin
 * letters in English frequency order first, so that on Latin-script text almost every lookup lands
 * in the first cache line or two of its row; entries are {@code char}s when there are fewer than
 * 32,768 states (the bundled dictionaries have about 19,000), with the top bit set when the target
 * state has outputs, so the scan needs no second load to know whether anything ends here. Larger
 * automata (big override dictionaries) fall back to {@code int} entries with the same layout.
 *
 * <p>Each state lists the patterns that end there, its own and those reached through failure links,
 * so the scan never walks the failure chain.
 */
final class TermAutomaton {
    /** Receives each raw occurrence: the pattern's payload and the folded span [start, end). */
    interface Sink {
        void hit(int payload, int start, int end);
    }

    /** Symbols that get the first columns of every row, most frequent in running text first. */
    private static final String HOT_SYMBOLS = " etaoinsrhldcumfpgwybvkxjqz";
    private static final int NARROW_FLAG = 0x8000;
    private static final int NARROW_MASK = 0x7FFF;
    private static final int WIDE_FLAG = 0x4000_0000;
    private static final int WIDE_MASK = 0x3FFF_FFFF;

    private final char[] symbolOf;      // folded char -> dense symbol, 0 = "in no pattern"
    private final int shift;            // row width = 1 << shift symbols
    private final char[] narrow;        // state << shift | symbol -> next state | NARROW_FLAG if it has outputs
    private final int[] wide;           // same with int entries and WIDE_FLAG, when narrow == null
    private final int[] outOffset;      // CSR index into outPayload, per state (+1 sentinel)
    private final int[] outPayload;
    private final int[] outLength;      // pattern length of each outPayload element
    private final int states;
    private final int symbols;

    private TermAutomaton(char[] symbolOf, int symbols, int shift, char[] narrow, int[] wide, int[] outOffset,
                          int[] outPayload, int[] outLength, int states) {
        this.symbolOf = symbolOf;
        this.symbols = symbols;
        this.shift = shift;
        this.narrow = narrow;
        this.wide = wide;
        this.outOffset = outOffset;
        this.outPayload = outPayload;
        this.outLength = outLength;
        this.states = states;
    }

    int stateCount() {
        return states;
    }

    /** Scans already folded text; reports hits in text order, for each end position in output order. */
    void scan(char[] text, int length, Sink sink) {
        final char[] sym = symbolOf;
        final int sh = shift;
        int s = 0;
        for (int i = 0; i < length; i++) {
            int idx = (s << sh) | sym[text[i]];
            int v;
            if (narrow != null) {
                v = narrow[idx];
                s = v & NARROW_MASK;
                if (v < NARROW_FLAG) {
                    continue;
                }
            } else {
                v = wide[idx];
                s = v & WIDE_MASK;
                if (v < WIDE_FLAG) {
                    continue;
                }
            }
            report(s, i + 1, sink);
        }
    }

    /**
     * Folds {@code document} exactly as {@link TextNormalizer#normalize} does and scans the folded
     * chars in the same loop: no folded copy is built first, no per-call allocation once the
     * scratch buffers are large enough. Afterwards {@code sc} holds the folded chars, their
     * original offsets and the (end, state) of every position where some pattern ends; replay
     * them with {@link #replay}.
     */
    void foldAndScan(String document, Scratch sc) {
        final int n = document.length();
        sc.prepare(n);
        final char[] src = sc.text;
        document.getChars(0, n, src, 0);
        final char[] table = TextNormalizer.SINGLE;
        final char[] sym = symbolOf;
        final int sh = shift;
        final char[] dn = narrow;
        final int[] dw = wide;
        char[] out = sc.folded;
        int[] start = sc.origStart;
        int[] hitEnd = sc.hitEnd;
        int[] hitState = sc.hitState;
        int hits = 0;
        int len = 0;
        int s = 0;
        boolean lastSpace = true; // leading white space is dropped
        for (int i = 0; i < n; i++) {
            char c = src[i];
            char f = table[c];
            if (f >= TextNormalizer.MULTI) {
                if (f == TextNormalizer.DELETE) {
                    continue;
                }
                String m = TextNormalizer.MULTI_FOLD[c];
                int ml = m.length();
                if (len + ml + (n - i) > out.length) {
                    sc.growFolded(len + ml + (n - i) + 16);
                    out = sc.folded;
                    start = sc.origStart;
                }
                for (int k = 0; k < ml; k++) {
                    char fc = m.charAt(k);
                    out[len] = fc;
                    start[len] = i;
                    len++;
                    int idx = (s << sh) | sym[fc];
                    boolean hit;
                    if (dn != null) {
                        int v = dn[idx];
                        s = v & NARROW_MASK;
                        hit = v >= NARROW_FLAG;
                    } else {
                        int v = dw[idx];
                        s = v & WIDE_MASK;
                        hit = v >= WIDE_FLAG;
                    }
                    if (hit) {
                        if (hits == hitEnd.length) {
                            sc.growHits();
                            hitEnd = sc.hitEnd;
                            hitState = sc.hitState;
                        }
                        hitEnd[hits] = len;
                        hitState[hits] = s;
                        hits++;
                    }
                }
                lastSpace = m.charAt(ml - 1) == ' ';
                continue;
            }
            if (f == ' ') {
                if (lastSpace) {
                    continue;
                }
                lastSpace = true;
            } else {
                lastSpace = false;
            }
            out[len] = f;
            start[len] = i;
            len++;
            int idx = (s << sh) | sym[f];
            boolean hit;
            if (dn != null) {
                int v = dn[idx];
                s = v & NARROW_MASK;
                hit = v >= NARROW_FLAG;
            } else {
                int v = dw[idx];
                s = v & WIDE_MASK;
                hit = v >= WIDE_FLAG;
            }
            if (hit) {
                if (hits == hitEnd.length) {
                    sc.growHits();
                    hitEnd = sc.hitEnd;
                    hitState = sc.hitState;
                }
                hitEnd[hits] = len;
                hitState[hits] = s;
                hits++;
            }
        }
        sc.foldedLength = len;
        sc.hitCount = hits;
    }

    /** Reports the hits recorded by {@link #foldAndScan}, in the order {@link #scan} would. */
    void replay(Scratch sc, Sink sink) {
        for (int h = 0; h < sc.hitCount; h++) {
            report(sc.hitState[h], sc.hitEnd[h], sink);
        }
    }

    private void report(int state, int end, Sink sink) {
        for (int k = outOffset[state], to = outOffset[state + 1]; k < to; k++) {
            sink.hit(outPayload[k], end - outLength[k], end);
        }
    }

    /**
     * Per-thread working memory of one scan: the document's chars, the folded chars with the
     * original offset of each, and the recorded hit positions. Reused across calls; never shared.
     */
    static final class Scratch {
        char[] text = new char[0];
        char[] folded = new char[0];
        int[] origStart = new int[0];
        int foldedLength;
        int[] hitEnd = new int[64];
        int[] hitState = new int[64];
        int hitCount;

        void prepare(int n) {
            if (text.length < n) {
                text = new char[n + (n >> 2) + 16];
            }
            if (folded.length < n + 16) {
                growFolded(n + (n >> 2) + 16);
            }
            foldedLength = 0;
            hitCount = 0;
        }

        void growFolded(int capacity) {
            folded = Arrays.copyOf(folded, capacity);
            origStart = Arrays.copyOf(origStart, capacity);
        }

        void growHits() {
            hitEnd = Arrays.copyOf(hitEnd, hitEnd.length * 2);
            hitState = Arrays.copyOf(hitState, hitState.length * 2);
        }
    }

    static Builder builder() {
        return new Builder();
    }

    /** Collects folded patterns; several payloads may share one pattern. */
    static final class Builder {
        private final List<char[]> patterns = new ArrayList<>();
        private final List<Integer> payloads = new ArrayList<>();

        Builder add(String foldedPattern, int payload) {
            if (foldedPattern.isEmpty()) {
                throw new IllegalArgumentException("empty pattern");
            }
            patterns.add(foldedPattern.toCharArray());
            payloads.add(payload);
            return this;
        }

        TermAutomaton build() {
            char[] symbolOf = numberSymbols();
            int symbols = 1;
            for (char s : symbolOf) {
                symbols = Math.max(symbols, s + 1);
            }
            // Trie with sparse children first; it is made dense once the failure links are known.
            List<Map<Character, Integer>> children = new ArrayList<>();
            List<List<int[]>> own = new ArrayList<>(); // {payload, length}
            children.add(new HashMap<>());
            own.add(new ArrayList<>());
            for (int p = 0; p < patterns.size(); p++) {
                int s = 0;
                for (char c : patterns.get(p)) {
                    Integer next = children.get(s).get(c);
                    if (next == null) {
                        next = children.size();
                        children.add(new HashMap<>());
                        own.add(new ArrayList<>());
                        children.get(s).put(c, next);
                    }
                    s = next;
                }
                own.get(s).add(new int[] {payloads.get(p), patterns.get(p).length});
            }
            int n = children.size();
            // Number states breadth-first: running text rarely leaves the shallow states, and keeping
            // their rows together at the start of the table keeps the hot part of it in cache.
            int[] newId = new int[n];
            int[] oldId = new int[n];
            ArrayDeque<Integer> order = new ArrayDeque<>();
            order.add(0);
            int next = 0;
            while (!order.isEmpty()) {
                int s = order.poll();
                newId[s] = next;
                oldId[next] = s;
                next++;
                order.addAll(children.get(s).values());
            }
            int shift = 0;
            while ((1 << shift) < symbols) {
                shift++;
            }
            int width = 1 << shift;
            if ((long) n * width > Integer.MAX_VALUE - 16) {
                throw new IllegalArgumentException("dictionary too large for one automaton: " + n + " states x "
                        + width + " symbols");
            }
            int[] delta = new int[n * width];
            int[] fail = new int[n];
            List<List<int[]>> outputs = new ArrayList<>(n);
            for (int s = 0; s < n; s++) {
                outputs.add(null);
            }
            outputs.set(0, own.get(0));
            for (Map.Entry<Character, Integer> e : children.get(0).entrySet()) {
                delta[symbolOf[e.getKey()]] = newId[e.getValue()];
            }
            // New ids are in BFS order, so a failure target (always shallower) is complete when its
            // row is copied; a child's failure link is set while its parent is processed.
            for (int s = 1; s < n; s++) {
                List<int[]> out = new ArrayList<>(own.get(oldId[s]));
                out.addAll(outputs.get(fail[s]));
                outputs.set(s, out);
                System.arraycopy(delta, fail[s] * width, delta, s * width, width);
                for (Map.Entry<Character, Integer> e : children.get(oldId[s]).entrySet()) {
                    int t = newId[e.getValue()];
                    int sym = symbolOf[e.getKey()];
                    fail[t] = delta[fail[s] * width + sym];
                    delta[s * width + sym] = t;
                }
            }
            int total = 0;
            for (List<int[]> o : outputs) {
                total += o.size();
            }
            int[] offset = new int[n + 1];
            int[] payload = new int[total];
            int[] length = new int[total];
            int k = 0;
            for (int s = 0; s < n; s++) {
                offset[s] = k;
                for (int[] o : outputs.get(s)) {
                    payload[k] = o[0];
                    length[k] = o[1];
                    k++;
                }
            }
            offset[n] = k;
            char[] narrow = null;
            int[] wide = null;
            if (n <= NARROW_MASK + 1) {
                narrow = new char[delta.length];
                for (int i = 0; i < delta.length; i++) {
                    int t = delta[i];
                    narrow[i] = (char) (offset[t] != offset[t + 1] ? t | NARROW_FLAG : t);
                }
            } else {
                wide = delta;
                for (int i = 0; i < delta.length; i++) {
                    int t = delta[i];
                    if (offset[t] != offset[t + 1]) {
                        wide[i] = t | WIDE_FLAG;
                    }
                }
            }
            return new TermAutomaton(symbolOf, symbols, shift, narrow, wide, offset, payload, length, n);
        }

        /**
         * Dense symbols for the chars that occur in patterns: the space and Latin letters that occur
         * first (in English frequency order), then the rest by how often they occur in patterns.
         */
        private char[] numberSymbols() {
            int[] count = new int[65536];
            for (char[] p : patterns) {
                for (char c : p) {
                    count[c]++;
                }
            }
            char[] symbolOf = new char[65536];
            int symbols = 1;
            for (int i = 0; i < HOT_SYMBOLS.length(); i++) {
                char c = HOT_SYMBOLS.charAt(i);
                if (count[c] > 0) {
                    symbolOf[c] = (char) symbols++;
                }
            }
            List<Integer> rest = new ArrayList<>();
            for (int c = 0; c < 65536; c++) {
                if (count[c] > 0 && symbolOf[c] == 0) {
                    rest.add(c);
                }
            }
            rest.sort((a, b) -> count[a] != count[b] ? Integer.compare(count[b], count[a]) : Integer.compare(a, b));
            for (int c : rest) {
                symbolOf[c] = (char) symbols++;
            }
            return symbolOf;
        }
    }

    @Override
    public String toString() {
        long bytes = narrow != null ? (long) narrow.length * 2 : (long) wide.length * 4;
        return "TermAutomaton[states=" + states + ", symbols=" + symbols + ", rowWidth=" + (1 << shift)
                + ", outputs=" + outPayload.length + ", tableBytes=" + bytes + "]";
    }

    int[] debugOutputs(int state) {
        return Arrays.copyOfRange(outPayload, outOffset[state], outOffset[state + 1]);
    }
}

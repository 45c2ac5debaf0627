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
    /** Folded texts shorter than this are scanned in one pass rather than four. */
    private static final int MIN_SPLIT_LENGTH = 1024;

    private final char[] symbolOf;      // folded char -> dense symbol, 0 = "in no pattern"
    private final int shift;            // row width = 1 << shift symbols
    private final char[] narrow;        // state << shift | symbol -> next state | NARROW_FLAG if it has outputs
    private final int[] wide;           // same with int entries and WIDE_FLAG, when narrow == null
    private final int[] outOffset;      // CSR index into outPayload, per state (+1 sentinel)
    private final int[] outPayload;
    private final int[] outLength;      // pattern length of each outPayload element
    private final int states;
    private final int symbols;
    private final int maxPatternLength;

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
        int max = 1;
        for (int l : outLength) {
            max = Math.max(max, l);
        }
        this.maxPatternLength = max;
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
     * Folds {@code document} exactly as {@link TextNormalizer#normalize} does into the scratch
     * buffers (no allocation once they are large enough), then scans the folded chars. Afterwards
     * {@code sc} holds the folded chars, their original offsets and the (end, state) of every
     * position where some pattern ends; replay them with {@link #replay}.
     */
    void foldAndScan(String document, Scratch sc) {
        fold(document, sc);
        scanFolded(sc);
    }

    /** Scans the chars {@link #fold} left in {@code sc}; a second automaton can scan them again after a replay. */
    void scanFolded(Scratch sc) {
        if (narrow != null && sc.foldedLength >= MIN_SPLIT_LENGTH) {
            scanInterleaved(sc);
        } else {
            scanSingle(sc);
        }
    }

    /**
     * The folding pass: one table lookup per char, with a branch only for the rare chars that fold
     * to nothing or to several chars. Kept apart from the scan: it is bound by throughput, the scan
     * by the latency of its table, and each runs faster alone (see {@link #scanInterleaved}).
     */
    static void fold(String document, Scratch sc) {
        final int n = document.length();
        sc.prepare(n);
        final char[] src = sc.text;
        document.getChars(0, n, src, 0);
        final char[] table = TextNormalizer.SINGLE;
        char[] out = sc.folded;
        int[] start = sc.origStart;
        int len = 0;
        int any = 0;
        int lastSpace = 1; // leading white space is dropped
        for (int i = 0; i < n; i++) {
            char c = src[i];
            char f = table[c];
            any |= c;
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
                    out[len] = m.charAt(k);
                    start[len] = i;
                    len++;
                }
                lastSpace = m.charAt(ml - 1) == ' ' ? 1 : 0;
                continue;
            }
            // Branch-free white-space collapsing (a branch here mispredicts at every word): the char
            // is always stored, and the length only advances unless it is a space after a space.
            int space = ((f ^ ' ') - 1) >>> 31; // 1 iff f == ' '
            out[len] = f;
            start[len] = i;
            len += 1 - (space & lastSpace);
            lastSpace = space;
        }
        sc.foldedLength = len;
        sc.groups = any < ScriptGroup.FIRST_NON_LATIN ? 0 : scriptGroups(src, n);
    }

    /**
     * The {@link ScriptGroup#PRESENCE} bits of a text that has a char beyond Latin. A loop of its own:
     * the same table load inside the folding loop made that loop two and a half times slower, while
     * the OR of all chars it does instead costs nothing.
     */
    private static int scriptGroups(char[] src, int n) {
        final byte[] presence = ScriptGroup.PRESENCE;
        int groups = 0;
        for (int i = 0; i < n; i++) {
            char c = src[i];
            if (c >= ScriptGroup.FIRST_NON_LATIN) {
                groups |= presence[c];
            }
        }
        return groups;
    }

    private void scanSingle(Scratch sc) {
        final char[] text = sc.folded;
        final int length = sc.foldedLength;
        final char[] sym = symbolOf;
        final int sh = shift;
        final char[] dn = narrow;
        final int[] dw = wide;
        sc.streams = 1;
        sc.hitCount[0] = 0;
        int s = 0;
        for (int i = 0; i < length; i++) {
            int idx = (s << sh) | sym[text[i]];
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
                sc.record(0, i + 1, s);
            }
        }
    }

    /**
     * The scan proper is one dependent load per char, so a single pass is bound by the latency of
     * the table, not by its bandwidth. This runs four independent passes over four quarters of the
     * folded text in lockstep, so that the CPU overlaps their loads. A pass that starts inside the
     * text starts {@code maxPatternLength} chars early in the root state: the state after a char is
     * the longest suffix of the text so far that is a prefix of some pattern, never longer than
     * that, so the pass is in the right state when its quarter begins; hits in that warm-up belong
     * to the previous quarter and are dropped. Hits are kept per quarter and replayed in order, so
     * the result is exactly that of one pass.
     */
    private void scanInterleaved(Scratch sc) {
        final char[] text = sc.folded;
        final int length = sc.foldedLength;
        final char[] sym = symbolOf;
        final int sh = shift;
        final char[] d = narrow;
        final int warm = maxPatternLength;
        sc.streams = 4;
        int q = length >> 2;
        int b1 = q;
        int b2 = 2 * q;
        int b3 = 3 * q;
        sc.hitCount[0] = 0;
        sc.hitCount[1] = 0;
        sc.hitCount[2] = 0;
        sc.hitCount[3] = 0;
        // Pass k reads [from_k, to_k) and reports hits ending after its own first char.
        int i0 = 0;
        int i1 = Math.max(0, b1 - warm);
        int i2 = Math.max(0, b2 - warm);
        int i3 = Math.max(0, b3 - warm);
        int s0 = 0;
        int s1 = 0;
        int s2 = 0;
        int s3 = 0;
        int steps = Math.min(Math.min(b1 - i0, b2 - i1), Math.min(b3 - i2, length - i3));
        for (int j = 0; j < steps; j++) {
            int v0 = d[(s0 << sh) | sym[text[i0 + j]]];
            int v1 = d[(s1 << sh) | sym[text[i1 + j]]];
            int v2 = d[(s2 << sh) | sym[text[i2 + j]]];
            int v3 = d[(s3 << sh) | sym[text[i3 + j]]];
            s0 = v0 & NARROW_MASK;
            s1 = v1 & NARROW_MASK;
            s2 = v2 & NARROW_MASK;
            s3 = v3 & NARROW_MASK;
            if ((v0 | v1 | v2 | v3) >= NARROW_FLAG) {
                if (v0 >= NARROW_FLAG) {
                    sc.record(0, i0 + j + 1, s0);
                }
                if (v1 >= NARROW_FLAG && i1 + j >= b1) {
                    sc.record(1, i1 + j + 1, s1);
                }
                if (v2 >= NARROW_FLAG && i2 + j >= b2) {
                    sc.record(2, i2 + j + 1, s2);
                }
                if (v3 >= NARROW_FLAG && i3 + j >= b3) {
                    sc.record(3, i3 + j + 1, s3);
                }
            }
        }
        finish(sc, 0, i0 + steps, b1, 0, s0);
        finish(sc, 1, i1 + steps, b2, b1, s1);
        finish(sc, 2, i2 + steps, b3, b2, s2);
        finish(sc, 3, i3 + steps, length, b3, s3);
    }

    /** Runs pass {@code k} alone from {@code i} to {@code to}, keeping hits that end after {@code from}. */
    private void finish(Scratch sc, int k, int i, int to, int from, int s) {
        final char[] text = sc.folded;
        final char[] sym = symbolOf;
        final int sh = shift;
        final char[] d = narrow;
        for (; i < to; i++) {
            int v = d[(s << sh) | sym[text[i]]];
            s = v & NARROW_MASK;
            if (v >= NARROW_FLAG && i >= from) {
                sc.record(k, i + 1, s);
            }
        }
    }

    /** Reports the hits recorded by {@link #foldAndScan}, in the order {@link #scan} would. */
    void replay(Scratch sc, Sink sink) {
        for (int k = 0; k < sc.streams; k++) {
            int[] ends = sc.hitEnd[k];
            int[] st = sc.hitState[k];
            for (int h = 0, n = sc.hitCount[k]; h < n; h++) {
                report(st[h], ends[h], sink);
            }
        }
    }

    private void report(int state, int end, Sink sink) {
        for (int k = outOffset[state], to = outOffset[state + 1]; k < to; k++) {
            sink.hit(outPayload[k], end - outLength[k], end);
        }
    }

    /**
     * Per-thread working memory of one scan: the document's chars, the folded chars with the
     * original offset of each, and the recorded hit positions of each pass. Reused across calls;
     * never shared.
     */
    static final class Scratch {
        char[] text = new char[0];
        char[] folded = new char[0];
        int[] origStart = new int[0];
        int foldedLength;
        /** {@link ScriptGroup#PRESENCE} bits of the document's chars. */
        int groups;
        int streams;
        final int[][] hitEnd = new int[4][64];
        final int[][] hitState = new int[4][64];
        final int[] hitCount = new int[4];

        void prepare(int n) {
            if (text.length < n) {
                text = new char[n + (n >> 2) + 16];
            }
            if (folded.length < n + 16) {
                growFolded(n + (n >> 2) + 16);
            }
            foldedLength = 0;
            streams = 0;
        }

        void growFolded(int capacity) {
            folded = Arrays.copyOf(folded, capacity);
            origStart = Arrays.copyOf(origStart, capacity);
        }

        void record(int k, int end, int state) {
            int h = hitCount[k];
            if (h == hitEnd[k].length) {
                hitEnd[k] = Arrays.copyOf(hitEnd[k], h * 2);
                hitState[k] = Arrays.copyOf(hitState[k], h * 2);
            }
            hitEnd[k][h] = end;
            hitState[k][h] = state;
            hitCount[k] = h + 1;
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

    long tableBytes() {
        return narrow != null ? (long) narrow.length * 2 : (long) wide.length * 4;
    }

    @Override
    public String toString() {
        long bytes = tableBytes();
        return "TermAutomaton[states=" + states + ", symbols=" + symbols + ", rowWidth=" + (1 << shift)
                + ", outputs=" + outPayload.length + ", tableBytes=" + bytes + "]";
    }

    int[] debugOutputs(int state) {
        return Arrays.copyOfRange(outPayload, outOffset[state], outOffset[state + 1]);
    }
}

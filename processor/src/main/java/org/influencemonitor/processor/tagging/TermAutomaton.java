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
 * narrow (about a hundred and fifty columns for Latin, Cyrillic and the few CJK names).
 *
 * <p>Each state lists the patterns that end there, its own and those reached through failure links,
 * so the scan never walks the failure chain.
 */
final class TermAutomaton {
    /** Receives each raw occurrence: the pattern's payload and the folded span [start, end). */
    interface Sink {
        void hit(int payload, int start, int end);
    }

    private final char[] symbolOf;      // folded char -> dense symbol, 0 = "in no pattern"
    private final int width;            // symbols per state
    private final int[] delta;          // state * width + symbol -> next state
    private final int[] outOffset;      // CSR index into outPayload, per state (+1 sentinel)
    private final int[] outPayload;
    private final int[] outLength;      // pattern length of each outPayload element
    private final int states;

    private TermAutomaton(char[] symbolOf, int width, int[] delta, int[] outOffset, int[] outPayload,
                          int[] outLength, int states) {
        this.symbolOf = symbolOf;
        this.width = width;
        this.delta = delta;
        this.outOffset = outOffset;
        this.outPayload = outPayload;
        this.outLength = outLength;
        this.states = states;
    }

    int stateCount() {
        return states;
    }

    void scan(char[] text, int length, Sink sink) {
        final char[] sym = symbolOf;
        final int[] d = delta;
        final int[] off = outOffset;
        final int w = width;
        int s = 0;
        for (int i = 0; i < length; i++) {
            s = d[s * w + sym[text[i]]];
            int from = off[s];
            int to = off[s + 1];
            if (from != to) {
                for (int k = from; k < to; k++) {
                    sink.hit(outPayload[k], i + 1 - outLength[k], i + 1);
                }
            }
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
            char[] symbolOf = new char[65536];
            int symbols = 1;
            for (char[] p : patterns) {
                for (char c : p) {
                    if (symbolOf[c] == 0) {
                        symbolOf[c] = (char) symbols++;
                    }
                }
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
            int width = symbols;
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
            return new TermAutomaton(symbolOf, width, delta, offset, payload, length, n);
        }
    }

    @Override
    public String toString() {
        return "TermAutomaton[states=" + states + ", symbols=" + width + ", outputs=" + outPayload.length
                + ", tableBytes=" + (long) delta.length * 4 + "]";
    }

    int[] debugOutputs(int state) {
        return Arrays.copyOfRange(outPayload, outOffset[state], outOffset[state + 1]);
    }
}

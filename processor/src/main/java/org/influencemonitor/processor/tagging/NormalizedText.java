package org.influencemonitor.processor.tagging;

/**
 * A folded copy of a document plus, for every folded char, the UTF-16 span of the original it came
 * from. Matching runs on {@link #chars()}; offsets reported to users are always mapped back through
 * {@link #originalStart(int)} / {@link #originalEnd(int)} so that {@code Match.text} is verbatim.
 */
final class NormalizedText {
    private final String original;
    private final char[] chars;
    private final int[] origStart;
    private final int length;

    NormalizedText(String original, char[] chars, int[] origStart, int length) {
        this.original = original;
        this.chars = chars;
        this.origStart = origStart;
        this.length = length;
    }

    String original() {
        return original;
    }

    /** The folded chars; only the first {@link #length()} are meaningful. */
    char[] chars() {
        return chars;
    }

    int length() {
        return length;
    }

    int originalStart(int normIndex) {
        return origStart[normIndex];
    }

    /**
     * End (exclusive) of the original char behind a folded char. Every folded char but a collapsed
     * space comes from exactly one UTF-16 unit, and matches never end on a space.
     */
    int originalEnd(int normIndex) {
        return origStart[normIndex] + 1;
    }
}

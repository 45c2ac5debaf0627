package org.influencemonitor.processor.tagging;

/**
 * One occurrence of a dictionary entry that passed word-boundary and case checks, before ambiguity
 * rules and longest-match resolution. {@code id} starts as the entry's id; a rule may re-point it
 * (Georgia the US state becomes {@code US}).
 */
final class Candidate {
    final DictionaryEntry entry;
    final int normStart;
    final int normEnd;
    final int start;
    final int end;
    String id;

    Candidate(DictionaryEntry entry, int normStart, int normEnd, int start, int end) {
        this.entry = entry;
        this.normStart = normStart;
        this.normEnd = normEnd;
        this.start = start;
        this.end = end;
        this.id = entry.id();
    }

    int normLength() {
        return normEnd - normStart;
    }

    @Override
    public String toString() {
        return entry.type().wireName() + ":" + id + "[" + start + "," + end + ")";
    }
}

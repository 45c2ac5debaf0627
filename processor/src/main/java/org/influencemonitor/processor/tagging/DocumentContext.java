package org.influencemonitor.processor.tagging;

import java.util.List;
import java.util.Map;

/**
 * What an ambiguity rule may look at besides its own candidate: the original document, where the
 * title ends, how often each context-cue set was seen, and the other entity candidates.
 */
final class DocumentContext {
    private final String text;
    private final int titleLength;
    private final Map<String, Integer> cueIndex;
    private final int[] cues;
    /** (cue slot, original start) pairs of every cue hit. */
    private final int[] cuePositions;
    private final List<Candidate> candidates;
    private Boolean headlineCaseTitle;

    /** {@code cues[cueIndex.get(set)]} is how often cue set {@code set} was seen in the document. */
    DocumentContext(String text, int titleLength, Map<String, Integer> cueIndex, int[] cues, int[] cuePositions,
                    List<Candidate> candidates) {
        this.text = text;
        this.cuePositions = cuePositions;
        this.titleLength = titleLength;
        this.cueIndex = cueIndex;
        this.cues = cues;
        this.candidates = candidates;
    }

    String text() {
        return text;
    }

    int cue(String set) {
        Integer slot = cueIndex.get(set);
        return slot == null ? 0 : cues[slot];
    }

    /** Whether a cue of {@code set} was seen in the sentence around {@code pos}. */
    boolean cueInSentence(String set, int pos) {
        Integer slot = cueIndex.get(set);
        if (slot == null) {
            return false;
        }
        int from = sentenceStart(pos);
        int to = sentenceEnd(pos);
        for (int i = 0; i < cuePositions.length; i += 2) {
            if (cuePositions[i] == slot && cuePositions[i + 1] >= from && cuePositions[i + 1] < to) {
                return true;
            }
        }
        return false;
    }

    /** Whether an election-term candidate starts in the sentence around {@code pos}. */
    boolean electionTermInSentence(int pos) {
        int from = sentenceStart(pos);
        int to = sentenceEnd(pos);
        for (Candidate c : candidates) {
            if (c.entry.type() == EntryType.ELECTION_TERM && c.start >= from && c.start < to) {
                return true;
            }
        }
        return false;
    }

    /** Sentence ends: Latin, CJK, Arabic and Devanagari full stops, question and exclamation marks, line breaks. */
    private static final String SENTENCE_ENDS = ".!?;\n\r。！？．؟۔।॥";

    private boolean endsSentence(int i) {
        char c = text.charAt(i);
        if (SENTENCE_ENDS.indexOf(c) < 0) {
            return false;
        }
        // "U.S. officials", "3.5%": a full stop ends a sentence only before white space or the end.
        return c != '.' || i + 1 >= text.length() || Character.isWhitespace(text.charAt(i + 1));
    }

    private int sentenceStart(int pos) {
        int i = Math.min(pos, text.length()) - 1;
        while (i >= 0 && !endsSentence(i)) {
            i--;
        }
        return i + 1;
    }

    private int sentenceEnd(int pos) {
        int i = pos;
        while (i < text.length() && !endsSentence(i)) {
            i++;
        }
        return i;
    }

    List<Candidate> candidates() {
        return candidates;
    }

    boolean inTitle(Candidate c) {
        return c.start < titleLength;
    }

    /**
     * True when the title capitalises most of its longer words ("Flooding Hits Chad As Rains
     * Continue"): there, a capitalised neighbour says nothing about a personal name.
     */
    boolean titleInHeadlineCase() {
        if (headlineCaseTitle == null) {
            int words = 0;
            int capitalised = 0;
            int i = 0;
            while (i < titleLength) {
                while (i < titleLength && !Character.isLetter(text.charAt(i))) {
                    i++;
                }
                int s = i;
                while (i < titleLength && Character.isLetter(text.charAt(i))) {
                    i++;
                }
                if (i - s >= 4) {
                    words++;
                    if (Character.isUpperCase(text.charAt(s))) {
                        capitalised++;
                    }
                }
            }
            headlineCaseTitle = words >= 2 && capitalised * 10 >= words * 7;
        }
        return headlineCaseTitle;
    }

    /** The word right before {@code pos}, separated from it by spaces only (no punctuation); null if none. */
    Word previousWord(int pos) {
        int i = pos - 1;
        while (i >= 0 && (text.charAt(i) == ' ' || text.charAt(i) == '\u00A0')) {
            i--;
        }
        if (i < 0 || i == pos - 1 || !Character.isLetter(text.charAt(i))) {
            return null;
        }
        int end = i + 1;
        while (i >= 0 && (Character.isLetter(text.charAt(i)) || text.charAt(i) == '.' && i > 0 && Character.isLetter(text.charAt(i - 1)))) {
            i--;
        }
        return new Word(text.substring(i + 1, end), i + 1);
    }

    /** The word right after {@code pos}, separated from it by one run of spaces; null if none. */
    Word nextWord(int pos) {
        int i = pos;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\u00A0')) {
            i++;
        }
        if (i == pos || i >= text.length() || !Character.isLetter(text.charAt(i))) {
            return null;
        }
        int s = i;
        while (i < text.length() && Character.isLetter(text.charAt(i))) {
            i++;
        }
        return new Word(text.substring(s, i), s);
    }

    /** The next non-space char at or after {@code pos}, or 0. */
    char nextNonSpace(int pos) {
        for (int i = pos; i < text.length(); i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return text.charAt(i);
            }
        }
        return 0;
    }

    /** Whether {@code pos} starts a sentence, a line or the document (quotes and brackets skipped). */
    boolean sentenceInitial(int pos) {
        int i = pos - 1;
        while (i >= 0 && (text.charAt(i) == ' ' || "\"'“”‘’«»(\t".indexOf(text.charAt(i)) >= 0)) {
            i--;
        }
        return i < 0 || ".!?:;\n\r•—–-|".indexOf(text.charAt(i)) >= 0;
    }

    boolean candidateStartsAt(int pos, Candidate except) {
        for (Candidate c : candidates) {
            if (c != except && c.start == pos && c.entry.type() != EntryType.IGNORE) {
                return true;
            }
        }
        return false;
    }

    record Word(String text, int start) {
        boolean capitalised() {
            return !text.isEmpty() && Character.isUpperCase(text.charAt(0));
        }

        boolean allCaps() {
            if (text.length() < 2) {
                return false;
            }
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Character.isLetter(c) && !Character.isUpperCase(c)) {
                    return false;
                }
            }
            return true;
        }

        String lower() {
            return text.toLowerCase(java.util.Locale.ROOT);
        }
    }
}

package org.influencemonitor.processor.tagging;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Leftmost-longest selection of non-overlapping candidates: at each position the longest span wins
 * ("South Sudan" over "Sudan", "Russian state media" over "Russian"); on equal spans the more
 * specific (longer) pattern wins, so "Wahllokal*" beats "Wahl*" on "Wahllokale"; then an ignore
 * entry beats an actor, which beats a country, which beats an election term.
 */
final class MatchResolver {
    private static final Comparator<Candidate> ORDER = Comparator
            .comparingInt((Candidate c) -> c.normStart)
            .thenComparing(Comparator.comparingInt(Candidate::normLength).reversed())
            .thenComparing(Comparator.comparingInt((Candidate c) -> c.entry.folded().length()).reversed())
            .thenComparingInt(c -> priority(c.entry.type()));

    private MatchResolver() {
    }

    static List<Candidate> resolve(List<Candidate> candidates) {
        if (candidates.size() <= 1) {
            return candidates;
        }
        List<Candidate> sorted = new ArrayList<>(candidates);
        sorted.sort(ORDER);
        List<Candidate> chosen = new ArrayList<>();
        int end = -1;
        for (Candidate c : sorted) {
            if (c.normStart >= end) {
                chosen.add(c);
                end = c.normEnd;
            }
        }
        return chosen;
    }

    private static int priority(EntryType t) {
        return switch (t) {
            case IGNORE -> 0;
            case ACTOR -> 1;
            case COUNTRY -> 2;
            case ELECTION_TERM -> 3;
            default -> 4;
        };
    }
}

package org.influencemonitor.processor.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.influencemonitor.processor.rules.SourceCoverage;

/**
 * {@code /coverage}: every feed the coverage watch tracks, and whether an outage holds country incidents
 * open ({@code gap}). Every counting task keeps the same coverage state, so any instance hosting one
 * answers from its own stores; one hosting none asks the others (a forwarded request is answered locally
 * only, so asking cannot loop). Of several copies, the one furthest on is shown: a task still catching up
 * after a rebalance lags behind the others.
 */
final class CoverageResource {
    /**
     * One feed: what it is expected to send in the current hour (the hour after the last closed window;
     * 0 while it is not learnt), the last window it sent articles in, since when it has been silent and the
     * id of its open coverage incident (null when none).
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Feed(String source, double expectedPerHour, Instant lastArticlesWindow, Instant silentSince,
                String openAlertId) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Coverage(boolean gap, Instant lastClosedWindow, List<Feed> sources) {
    }

    private final StoreReader reader;
    private final Gathering gathering;

    CoverageResource(StoreReader reader, Gathering gathering) {
        this.reader = reader;
        this.gathering = gathering;
    }

    Reply answer(QueryRequest request) {
        request.allowOnly(Set.of());
        List<SourceCoverage.State> local;
        InvalidStateStoreException notHere = null;
        try {
            local = reader.coverageStates();
        } catch (InvalidStateStoreException e) {
            if (request.forwarded()) {
                throw e;
            }
            notHere = e; // no counting task here (or not yet): the others may have one
            local = List.of();
        }
        if (!local.isEmpty() || request.forwarded()) {
            return Reply.json(of(local.stream().max(FURTHEST).orElse(SourceCoverage.State.initial())));
        }
        List<Coverage> others = new ArrayList<>(gathering.fromOthers("/coverage", Coverage.class, "coverage"));
        if (others.isEmpty() && notHere != null) {
            // "no feed is silent" must not be said by an instance that cannot see the state at all
            throw notHere;
        }
        return Reply.json(others.stream().max(Comparator.comparing(Coverage::lastClosedWindow,
                Comparator.nullsFirst(Comparator.naturalOrder()))).orElse(of(SourceCoverage.State.initial())));
    }

    private static final Comparator<SourceCoverage.State> FURTHEST = Comparator.comparing(SourceCoverage.State::lastClosed,
            Comparator.nullsFirst(Comparator.naturalOrder()));

    static Coverage of(SourceCoverage.State state) {
        Instant last = state.lastClosed();
        Instant now = last == null ? null : last.plusSeconds(state.windowSeconds());
        List<Feed> feeds = new ArrayList<>();
        for (Map.Entry<String, SourceCoverage.Source> e : new java.util.TreeMap<>(state.sources()).entrySet()) {
            SourceCoverage.Source s = e.getValue();
            feeds.add(new Feed(e.getKey(), now == null ? 0 : round(state.expectedPerHour(s, now)), s.lastArticles(),
                    s.silentSince(), s.incidentId()));
        }
        return new Coverage(last != null && state.gap(last), last, feeds);
    }

    private static double round(double x) {
        return Math.round(x * 100) / 100.0;
    }
}

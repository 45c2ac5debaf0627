package org.influencemonitor.ingest;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The article ids a source has published lately, so the same story met twice in one run (a file listing
 * it twice, two feeds carrying it) is sent once and counted as a duplicate. Bounded: the oldest ids are
 * forgotten past {@code capacity}, and an article met again after that is sent again with the same id,
 * which the processor counts once anyway. Not kept across runs: feeds keep their own state in Kafka.
 */
public final class RecentIds {
    /** About 20 MB of ids at most. */
    public static final int DEFAULT_CAPACITY = 200_000;

    private final Map<String, Boolean> ids;

    public RecentIds(int capacity) {
        this.ids = new LinkedHashMap<>(Math.min(capacity, 1 << 16), 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    /** True the first time {@code id} is seen (and until it is {@link #forget forgotten}). */
    public synchronized boolean firstSighting(String id) {
        return ids.put(id, Boolean.TRUE) == null;
    }

    /** For an article that did not get through: the next copy of it must be sent, not counted as a duplicate. */
    public synchronized void forget(String id) {
        ids.remove(id);
    }
}

package org.influencemonitor.sink;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The last few thousand events a channel delivered, for channels whose destination cannot be asked: a
 * batch that is tried again after a partial success (or read again after a rebalance) skips what already
 * went out. Bounded, because a redelivery only ever reaches back one uncommitted batch.
 */
public final class RecentKeys {
    private static final int CAPACITY = 10_000;
    private final Map<EventKey, Boolean> keys = new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<EventKey, Boolean> eldest) {
            return size() > CAPACITY;
        }
    };

    public boolean contains(EventKey key) {
        return keys.containsKey(key);
    }

    public void add(EventKey key) {
        keys.put(key, Boolean.TRUE);
    }
}

package org.influencemonitor.app.bench;

/** The keys that tie a table row to the targets and to its pass-through baseline. */
final class ThroughputKeys {
    private ThroughputKeys() {
    }

    static String monitor(int population) {
        return "monitor-eos-" + population;
    }

    static String passThrough(String guarantee, int population) {
        return "passthrough-" + guarantee + "-" + population;
    }

    static String producer(int population) {
        return "producer-" + population;
    }
}

package org.influencemonitor.app.chaos;

/** Sleeping in the suite's polling loops, with an interrupt turned into the end of the run. */
final class Pause {
    private Pause() {
    }

    static void millis(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChaosFailure("interrupted");
        }
    }
}

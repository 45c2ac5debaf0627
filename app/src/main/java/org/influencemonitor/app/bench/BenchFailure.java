package org.influencemonitor.app.bench;

/**
 * A measurement that could not be completed: a child process died, a wait ran out, the broker refused.
 * The message is the one line the bench prints before exiting non-zero; no result is made up to fill its row.
 */
class BenchFailure extends RuntimeException {
    BenchFailure(String message) {
        super(message);
    }

    BenchFailure(String message, Throwable cause) {
        super(message, cause);
    }
}

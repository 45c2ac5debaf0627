package org.influencemonitor.app.bench;

/**
 * A run whose output did not all arrive within its timeout: a measurement in itself (the job is slower
 * than the timeout allows), so the bench records it in the table, goes on with the other runs, and exits
 * non-zero at the end. A child that dies is a {@link BenchFailure} and stops the bench at once.
 */
final class RunTimedOut extends BenchFailure {
    RunTimedOut(String message) {
        super(message);
    }
}

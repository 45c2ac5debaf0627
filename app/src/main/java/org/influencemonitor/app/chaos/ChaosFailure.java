package org.influencemonitor.app.chaos;

/** The fault suite could not run a scenario to its end (a child died, a wait ran out): one line says why. */
final class ChaosFailure extends RuntimeException {
    ChaosFailure(String message) {
        super(message);
    }
}

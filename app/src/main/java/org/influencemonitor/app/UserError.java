package org.influencemonitor.app;

/** A mistake the user can fix (a missing file, a bad value): printed as one line, never as a stack trace. */
public class UserError extends RuntimeException {
    public UserError(String message) {
        super(message);
    }
}

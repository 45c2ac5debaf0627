package org.influencemonitor.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.Reader;
import java.time.Duration;
import java.util.List;

/**
 * Hands out the lines of a replay spread evenly over a stretch of wall-clock time, so that a person
 * watching the dashboard sees the counts rise and the alerts arrive rather than a finished picture.
 * The input is read at once (a demo's file), then released line by line.
 */
final class PacedReader extends Reader {
    private final List<String> lines;
    private final long gapNanos;
    private int line;
    private int column;
    private long due = System.nanoTime();

    private PacedReader(List<String> lines, Duration total) {
        this.lines = lines;
        this.gapNanos = lines.isEmpty() ? 0 : total.toNanos() / lines.size();
    }

    /** {@code input}'s lines over {@code total}; the input is closed. */
    static Reader over(Reader input, Duration total) throws IOException {
        try (BufferedReader in = new BufferedReader(input)) {
            return new PacedReader(in.lines().toList(), total);
        }
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        if (line >= lines.size()) {
            return -1;
        }
        if (column == 0) {
            awaitTurn();
        }
        String current = lines.get(line) + "\n";
        int n = Math.min(length, current.length() - column);
        current.getChars(column, column + n, buffer, offset);
        column += n;
        if (column == current.length()) {
            line++;
            column = 0;
        }
        return n;
    }

    private void awaitTurn() throws InterruptedIOException {
        long wait = due - System.nanoTime();
        due = Math.max(due, System.nanoTime()) + gapNanos;
        if (wait > 0) {
            try {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("replay interrupted");
            }
        }
    }

    @Override
    public void close() {
        line = lines.size();
    }
}

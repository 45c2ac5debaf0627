package org.influencemonitor.app;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A {@code monitor} subcommand in a JVM of its own, started from the jar of this process with this java:
 * the bench measures its memory, the fault suite kills it with a real SIGKILL. Its output goes to a log
 * file, which is how the caller knows it is up. Every child still running when this JVM exits is killed by
 * a shutdown hook, so an interrupted bench or suite leaves no broker or processor behind. Failures are
 * raised through the caller's own exception type ({@code failure}), so that each command reports them as
 * its own.
 */
public final class MonitorChild {
    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(Process::destroyForcibly), "monitor-children"));
    }

    private final String name;
    private final Process process;
    private final Path log;
    private final Function<String, RuntimeException> failure;

    private MonitorChild(String name, Process process, Path log, Function<String, RuntimeException> failure) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.failure = failure;
    }

    /** How the child's standard input and its log are set up. */
    public enum Io {
        /** stdin from /dev/null, the log truncated. */
        QUIET,
        /** stdin a pipe ({@link #stdin()}), the log appended to (a restarted child adds to it). */
        PIPED_APPENDING,
        /** stdin from /dev/null, the log appended to. */
        APPENDING
    }

    /** Starts {@code java JVM_OPTIONS -cp OWN_CLASSPATH Monitor MONITOR_ARGS...}. */
    public static MonitorChild start(String name, List<String> jvmOptions, List<String> monitorArgs, Path log, Io io,
                                     Function<String, RuntimeException> failure) {
        List<String> command = new ArrayList<>(List.of(OwnJvm.javaExecutable()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", OwnJvm.classPath(), Monitor.class.getName()));
        command.addAll(monitorArgs);
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(io == Io.QUIET ? ProcessBuilder.Redirect.to(log.toFile())
                            : ProcessBuilder.Redirect.appendTo(log.toFile()));
            if (io != Io.PIPED_APPENDING) {
                builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            }
            Process process = builder.start();
            LIVE.add(process);
            return new MonitorChild(name, process, log, failure);
        } catch (IOException e) {
            throw failure.apply("cannot start " + name + ": " + e.getMessage());
        }
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public OutputStream stdin() {
        return process.getOutputStream();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Throws, with the child's last words, if it is no longer running. */
    public void requireAlive(String during) {
        if (!process.isAlive()) {
            LIVE.remove(process);
            throw failure.apply(name + " exited with code " + process.exitValue() + " " + during + ": " + lastLine()
                    + " (log: " + log + ")");
        }
    }

    /** Waits until the child has written {@code marker} to its output, i.e. it is up. */
    public void awaitOutput(String marker, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!output().contains(marker)) {
            requireAlive("before it said \"" + marker + "\"");
            if (System.nanoTime() > deadline) {
                throw failure.apply(name + " did not say \"" + marker + "\" within " + timeout.toSeconds() + " s: "
                        + lastLine() + " (log: " + log + ")");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failure.apply("interrupted while waiting for " + name);
            }
        }
    }

    /** Waits for the child to exit by itself and returns its exit code. */
    public int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw failure.apply(name + " did not exit within " + timeout.toSeconds() + " s: " + lastLine()
                        + " (log: " + log + ")");
            }
            LIVE.remove(process);
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure.apply("interrupted while waiting for " + name);
        }
    }

    /** SIGKILL: no shutdown hook, no flush, no commit; whatever was in flight is abandoned. */
    public void kill() {
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(30));
    }

    /** SIGTERM, then SIGKILL if the child has not exited within {@code grace}; returns the exit code. */
    public int terminate(Duration grace) {
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        return awaitExit(Duration.ofSeconds(30));
    }

    /** Stops the child if it still runs (SIGTERM, SIGKILL after {@code grace}), quietly. */
    public void stop(Duration grace) {
        try {
            if (process.isAlive()) {
                terminate(grace);
            }
        } finally {
            LIVE.remove(process);
        }
    }

    public String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    public String lastLine() {
        List<String> lines = output().lines().filter(l -> !l.isBlank()).toList();
        return lines.isEmpty() ? "no output" : lines.get(lines.size() - 1).strip();
    }
}

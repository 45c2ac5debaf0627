package org.influencemonitor.app.chaos;

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
import org.influencemonitor.app.Monitor;
import org.influencemonitor.app.OwnJvm;

/**
 * A {@code monitor} subcommand in a JVM of its own, started from the jar of this process with this java,
 * so that the fault suite can kill it with a real SIGKILL ({@link #kill()}) or stop it with SIGTERM
 * ({@link #terminate()}). Its output goes to a log file, which the suite reads to know it is up. Every
 * child still running when this JVM exits is killed by a shutdown hook, so an interrupted suite leaves
 * no broker or processor behind.
 */
final class ChildProcess implements AutoCloseable {
    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();
    /** A child JVM runs a few thousand articles: C1 alone starts it seconds sooner on two busy cores. */
    private static final List<String> JVM_OPTIONS = List.of("-Xmx768m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(Process::destroyForcibly), "chaos-children"));
    }

    private final String name;
    private final Process process;
    private final Path log;

    private ChildProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /** Starts {@code monitor ARGS...}; with {@code pipeStdin} its standard input is {@link #stdin()}. */
    static ChildProcess start(String name, List<String> monitorArgs, Path log, boolean pipeStdin) {
        List<String> command = new ArrayList<>(List.of(OwnJvm.javaExecutable()));
        command.addAll(JVM_OPTIONS);
        command.addAll(List.of("-cp", OwnJvm.classPath(), Monitor.class.getName()));
        command.addAll(monitorArgs);
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            if (!pipeStdin) {
                builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            }
            Process process = builder.start();
            LIVE.add(process);
            return new ChildProcess(name, process, log);
        } catch (IOException e) {
            throw new ChaosFailure("cannot start " + name + ": " + e.getMessage());
        }
    }

    String name() {
        return name;
    }

    OutputStream stdin() {
        return process.getOutputStream();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Waits until the child has written {@code marker} to its output, i.e. it is up. */
    void awaitOutput(String marker, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!output().contains(marker)) {
            if (!process.isAlive()) {
                throw new ChaosFailure(name + " exited with code " + process.exitValue() + " before it said \""
                        + marker + "\": " + lastLine() + " (log: " + log + ")");
            }
            if (System.nanoTime() > deadline) {
                throw new ChaosFailure(name + " did not say \"" + marker + "\" within " + timeout.toSeconds() + " s: "
                        + lastLine() + " (log: " + log + ")");
            }
            Pause.millis(100);
        }
    }

    /** Waits for the child to exit by itself and returns its exit code. */
    int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new ChaosFailure(name + " did not exit within " + timeout.toSeconds() + " s: " + lastLine()
                        + " (log: " + log + ")");
            }
            LIVE.remove(process);
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChaosFailure("interrupted while waiting for " + name);
        }
    }

    /** SIGKILL: no shutdown hook, no flush, no commit; whatever was in flight is abandoned. */
    void kill() {
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(30));
    }

    /** SIGTERM, then SIGKILL if the child has not exited within {@code grace}; returns the exit code. */
    int terminate(Duration grace) {
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

    String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    String lastLine() {
        List<String> lines = output().lines().filter(l -> !l.isBlank()).toList();
        return lines.isEmpty() ? "no output" : lines.get(lines.size() - 1).strip();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            terminate(Duration.ofSeconds(20));
        }
        LIVE.remove(process);
    }
}

package org.influencemonitor.app.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.influencemonitor.app.Monitor;
import org.influencemonitor.app.OwnJvm;

/**
 * A {@code monitor} subcommand in its own JVM, started from this very jar with this very java, so that
 * its heap and resident memory are its own and can be measured: peak RSS is {@code VmHWM} from
 * {@code /proc/PID/status}, heap is what {@code jcmd GC.heap_info} reports as used right after a
 * {@code jcmd GC.run}. Every child still running when the bench exits is killed by a shutdown hook.
 */
final class ChildJvm implements AutoCloseable {
    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration JCMD_TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern HEAP_USED = Pattern.compile("heap\\s+total\\s+\\d+K,\\s+used\\s+(\\d+)K");
    private static final Pattern VM_HWM = Pattern.compile("VmHWM:\\s+(\\d+)\\s+kB");

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(Process::destroyForcibly), "bench-children"));
    }

    /** Heap after a full GC and peak resident set, in MB; null where the platform could not tell. */
    record Memory(Double heapMb, Double rssMb) {
        static Memory maxOf(List<Memory> each) {
            return new Memory(max(each.stream().map(Memory::heapMb).toList()), max(each.stream().map(Memory::rssMb).toList()));
        }

        private static Double max(List<Double> values) {
            return values.stream().anyMatch(v -> v == null) ? null
                    : values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        }
    }

    private final String name;
    private final Process process;
    private final Path log;

    private ChildJvm(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /** Extra JVM options for every child, e.g. {@code -XX:StartFlightRecording=filename=/tmp/child-%p.jfr} to profile. */
    static final String CHILD_OPTS_ENV = "MONITOR_BENCH_CHILD_JAVA_OPTS";

    /** Starts {@code monitor ARGS...} in a new JVM; its standard output and error go to {@code log}. */
    static ChildJvm start(String name, List<String> monitorArgs, Path log) {
        List<String> command = new ArrayList<>(List.of(OwnJvm.javaExecutable()));
        String extra = System.getenv(CHILD_OPTS_ENV);
        if (extra != null && !extra.isBlank()) {
            command.addAll(List.of(extra.trim().split("\\s+")));
        }
        command.addAll(List.of("-cp", OwnJvm.classPath(), Monitor.class.getName()));
        command.addAll(monitorArgs);
        try {
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            LIVE.add(process);
            return new ChildJvm(name, process, log);
        } catch (IOException e) {
            throw new BenchFailure("cannot start " + name + ": " + e.getMessage(), e);
        }
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    /** Throws, with the child's last words, if it is no longer running. */
    void requireAlive(String during) {
        if (!process.isAlive()) {
            LIVE.remove(process);
            throw new BenchFailure(name + " exited with code " + process.exitValue() + " during " + during
                    + ": " + lastLine() + " (log: " + log + ")");
        }
    }

    /** Waits until the child has written {@code marker} to its output, i.e. it is up and processing. */
    void awaitOutput(String marker, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!output().contains(marker)) {
            requireAlive("start-up");
            if (System.nanoTime() > deadline) {
                throw new BenchFailure(name + " did not report \"" + marker + "\" within " + timeout.toSeconds()
                        + " s: " + lastLine() + " (log: " + log + ")");
            }
            sleep(100);
        }
    }

    /** Heap after a full GC and peak RSS of the running child. */
    Memory memory() {
        requireAlive("the memory measurement");
        return new Memory(heapAfterGcMb(), peakRssMb());
    }

    private Double peakRssMb() {
        try {
            Matcher m = VM_HWM.matcher(Files.readString(Path.of("/proc", String.valueOf(pid()), "status")));
            return m.find() ? Long.parseLong(m.group(1)) / 1024.0 : null;
        } catch (IOException | UncheckedIOException e) {
            return null; // not Linux: no /proc
        }
    }

    private Double heapAfterGcMb() {
        Path jcmd = Path.of(OwnJvm.javaExecutable()).resolveSibling("jcmd");
        if (!Files.isExecutable(jcmd)) {
            return null; // a JRE without jcmd
        }
        jcmd(jcmd, "GC.run");
        Matcher m = HEAP_USED.matcher(jcmd(jcmd, "GC.heap_info"));
        if (!m.find()) {
            throw new BenchFailure("cannot read the heap of " + name + " from jcmd GC.heap_info");
        }
        return Long.parseLong(m.group(1)) / 1024.0;
    }

    private String jcmd(Path jcmd, String what) {
        try {
            Process p = new ProcessBuilder(jcmd.toString(), String.valueOf(pid()), what).redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(JCMD_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new BenchFailure("jcmd " + what + " on " + name + " did not finish within " + JCMD_TIMEOUT.toSeconds() + " s");
            }
            if (p.exitValue() != 0) {
                throw new BenchFailure("jcmd " + what + " on " + name + " failed: " + new String(out, StandardCharsets.UTF_8).strip());
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BenchFailure("cannot run jcmd on " + name + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchFailure("interrupted while measuring " + name, e);
        }
    }

    private String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private String lastLine() {
        List<String> lines = output().lines().filter(l -> !l.isBlank()).toList();
        return lines.isEmpty() ? "no output" : lines.get(lines.size() - 1).strip();
    }

    /** SIGTERM (the processor closes Kafka Streams cleanly), then a forced kill after the stop timeout. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            LIVE.remove(process);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchFailure("interrupted");
        }
    }
}

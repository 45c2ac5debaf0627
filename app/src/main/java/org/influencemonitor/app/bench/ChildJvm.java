package org.influencemonitor.app.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.influencemonitor.app.MonitorChild;
import org.influencemonitor.app.OwnJvm;

/**
 * A {@code monitor} subcommand in its own JVM, started from this very jar with this very java, so that
 * its heap and resident memory are its own and can be measured: peak RSS is {@code VmHWM} from
 * {@code /proc/PID/status}, heap is what {@code jcmd GC.heap_info} reports as used right after a
 * {@code jcmd GC.run}. Starting, watching and stopping it are {@link MonitorChild}'s.
 */
final class ChildJvm implements AutoCloseable {
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration JCMD_TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern HEAP_USED = Pattern.compile("heap\\s+total\\s+\\d+K,\\s+used\\s+(\\d+)K");
    private static final Pattern VM_HWM = Pattern.compile("VmHWM:\\s+(\\d+)\\s+kB");

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

    private final MonitorChild child;

    private ChildJvm(MonitorChild child) {
        this.child = child;
    }

    /** Extra JVM options for every child, e.g. {@code -XX:StartFlightRecording=filename=/tmp/child-%p.jfr} to profile. */
    static final String CHILD_OPTS_ENV = "MONITOR_BENCH_CHILD_JAVA_OPTS";

    /** Starts {@code monitor ARGS...} in a new JVM; its standard output and error go to {@code log}. */
    static ChildJvm start(String name, List<String> monitorArgs, Path log) {
        String extra = System.getenv(CHILD_OPTS_ENV);
        List<String> options = extra == null || extra.isBlank() ? List.of() : List.of(extra.trim().split("\\s+"));
        return new ChildJvm(MonitorChild.start(name, options, monitorArgs, log, MonitorChild.Io.QUIET, BenchFailure::new));
    }

    String name() {
        return child.name();
    }

    long pid() {
        return child.pid();
    }

    /** Throws, with the child's last words, if it is no longer running. */
    void requireAlive(String during) {
        child.requireAlive("during " + during);
    }

    /** Waits until the child has written {@code marker} to its output, i.e. it is up and processing. */
    void awaitOutput(String marker, Duration timeout) {
        child.awaitOutput(marker, timeout);
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
            throw new BenchFailure("cannot read the heap of " + name() + " from jcmd GC.heap_info");
        }
        return Long.parseLong(m.group(1)) / 1024.0;
    }

    private String jcmd(Path jcmd, String what) {
        try {
            Process p = new ProcessBuilder(jcmd.toString(), String.valueOf(pid()), what).redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(JCMD_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new BenchFailure("jcmd " + what + " on " + name() + " did not finish within " + JCMD_TIMEOUT.toSeconds() + " s");
            }
            if (p.exitValue() != 0) {
                throw new BenchFailure("jcmd " + what + " on " + name() + " failed: " + new String(out, StandardCharsets.UTF_8).strip());
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BenchFailure("cannot run jcmd on " + name() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchFailure("interrupted while measuring " + name(), e);
        }
    }

    /** SIGTERM (the processor closes Kafka Streams cleanly), then a forced kill after the stop timeout. */
    @Override
    public void close() {
        child.stop(STOP_TIMEOUT);
    }
}

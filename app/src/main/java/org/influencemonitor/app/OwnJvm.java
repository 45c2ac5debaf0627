package org.influencemonitor.app;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** How to start another JVM of this very program: the bench and the fault suite run their parts as children. */
public final class OwnJvm {
    private OwnJvm() {
    }

    public static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** The jar this class came from; in a test run (classes directories), this JVM's own class path. */
    public static String classPath() {
        try {
            Path source = Path.of(Monitor.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isRegularFile(source) ? source.toString() : System.getProperty("java.class.path");
        } catch (URISyntaxException | RuntimeException e) {
            return System.getProperty("java.class.path");
        }
    }
}

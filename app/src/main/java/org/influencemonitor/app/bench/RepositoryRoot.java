package org.influencemonitor.app.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import org.influencemonitor.app.Monitor;

/**
 * The checkout this build came from (the directory with the {@code monitor} script and the parent POM),
 * found from where {@link Monitor} was loaded: {@code app/target/monitor.jar} or {@code app/target/classes}.
 * The corpus lives beside the checkout, so its default path is relative to this, not to the current
 * directory. Without a checkout (a copied jar), the current directory stands in.
 */
final class RepositoryRoot {
    private RepositoryRoot() {
    }

    static Path find() {
        try {
            Path dir = Path.of(Monitor.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath();
            for (; dir != null; dir = dir.getParent()) {
                if (Files.isRegularFile(dir.resolve("monitor")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                    return dir;
                }
            }
        } catch (Exception e) {
            // no code source (an unusual class loader): fall through
        }
        return Path.of("").toAbsolutePath();
    }
}

package org.influencemonitor.http;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** A self-signed certificate for localhost and 127.0.0.1, made by the JDK's own keytool, for tests of TLS. */
public final class SelfSignedKeystore {
    private SelfSignedKeystore() {
    }

    /** Writes {@code dir/server.p12} with {@code password} and returns its path. */
    public static Path create(Path dir, String password) throws Exception {
        Path keystore = dir.resolve("server.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "server", "-keyalg", "RSA",
                "-keysize", "2048", "-validity", "2", "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", password, "-keypass", password)
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("keytool failed: " + output);
        }
        return keystore;
    }
}

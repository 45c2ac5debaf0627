package org.influencemonitor.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Collections;

/**
 * The certificate and private key a server presents for HTTPS: a PKCS#12 or JKS keystore (as
 * {@code keytool} writes them) and its password, read from a file or the environment. Loaded once, at
 * start-up, so that a wrong password or a keystore without a key is an error before anything listens.
 */
public final class TlsKeystore {
    private final Path path;
    private final KeyStore keyStore;
    private final char[] password;

    private TlsKeystore(Path path, KeyStore keyStore, char[] password) {
        this.path = path;
        this.keyStore = keyStore;
        this.password = password;
    }

    /**
     * Loads {@code keystore} with {@code password}; the type (PKCS#12 or JKS) is recognised from the file.
     *
     * @throws IOException if the file cannot be read, the password is wrong, or it holds no private key
     */
    public static TlsKeystore load(Path keystore, char[] password) throws IOException {
        KeyStore store;
        try {
            store = KeyStore.getInstance(keystore.toFile(), password);
            boolean hasKey = false;
            for (String alias : Collections.list(store.aliases())) {
                hasKey |= store.isKeyEntry(alias);
            }
            if (!hasKey) {
                throw new IOException("TLS keystore " + keystore + " holds no private key (make one with keytool -genkeypair)");
            }
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot open TLS keystore " + keystore + ": " + e.getMessage(), e);
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("TLS keystore")) {
                throw e;
            }
            throw new IOException("cannot open TLS keystore " + keystore + " (wrong password, or not a keystore): "
                    + e.getMessage(), e);
        }
        return new TlsKeystore(keystore, store, password.clone());
    }

    /** Reads the keystore's password from {@code passwordFile} (a final newline is not part of it). */
    public static char[] readPassword(Path passwordFile) throws IOException {
        String text = Files.readString(passwordFile, StandardCharsets.UTF_8);
        return text.strip().toCharArray();
    }

    public Path path() {
        return path;
    }

    KeyStore keyStore() {
        return keyStore;
    }

    char[] password() {
        return password.clone();
    }

    /**
     * A trust store for clients of servers that present this keystore's certificate, such as instances of
     * one deployment forwarding to each other with a shared certificate: the JDK trusts the certificate
     * of each key entry in a keystore it is given as a trust store.
     */
    public KeyStore asTrustStore() {
        return keyStore;
    }

    @Override
    public String toString() {
        return "TlsKeystore[" + path + ", password redacted]";
    }
}

package org.influencemonitor.sink.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs webhook requests as the Standard Webhooks specification says: the key is the base64 after
 * {@code whsec_}, the signed content is {@code id.timestamp.body}, the signature
 * {@code v1,<base64 HMAC-SHA256>}. The secret is never part of a message or of {@link #toString()}.
 */
public final class WebhookSigner {
    static final String PREFIX = "whsec_";
    private static final String HMAC = "HmacSHA256";
    private static final int MIN_KEY_BYTES = 16;
    private final SecretKeySpec key;

    private WebhookSigner(byte[] key) {
        this.key = new SecretKeySpec(key, HMAC);
    }

    /**
     * Reads a secret such as {@code whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw} (the prefix may be left out);
     * {@code where} names its source in the error, which never repeats the value.
     */
    public static WebhookSigner fromSecret(String secret, String where) {
        String s = secret.strip();
        if (s.startsWith(PREFIX)) {
            s = s.substring(PREFIX.length());
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(s);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + " is not a webhook secret: expected whsec_ followed by base64");
        }
        if (key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException(where + " is too short for a webhook secret: its key has " + key.length
                    + " bytes, at least " + MIN_KEY_BYTES + " are needed (24 to 64 are recommended)");
        }
        return new WebhookSigner(key);
    }

    /** The {@code webhook-signature} value for this message. */
    public String sign(String id, long timestampSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            mac.update((id + "." + timestampSeconds + ".").getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available in this JVM", e);
        }
    }

    @Override
    public String toString() {
        return "WebhookSigner[secret hidden]";
    }
}

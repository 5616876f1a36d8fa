package dev.newsroom.comments.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signing secrets and signatures: a secret is {@code whsec_} and the base64 of 32
 * random bytes; a signature is {@code v1,} and the base64 HMAC-SHA256, keyed with those bytes, of
 * {@code "{webhook-id}.{webhook-timestamp}.{body}"}. The header lists one signature per secret still
 * valid, space-separated.
 */
final class Signatures {

    static final String SECRET_PREFIX = "whsec_";
    private static final int SECRET_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Signatures() {
    }

    static String newSecret() {
        byte[] key = new byte[SECRET_BYTES];
        RANDOM.nextBytes(key);
        return SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** The HMAC key of a secret: the base64-decoded part after {@code whsec_}. */
    static byte[] keyOf(String secret) {
        if (!secret.startsWith(SECRET_PREFIX)) {
            throw new IllegalArgumentException("A webhook secret starts with " + SECRET_PREFIX);
        }
        return Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length()));
    }

    /** The {@code webhook-signature} header: {@code v1,<base64>} for each key, space-separated. */
    static String header(String id, long timestamp, byte[] body, List<byte[]> keys) {
        return keys.stream().map(key -> "v1," + sign(id, timestamp, body, key)).collect(Collectors.joining(" "));
    }

    static String sign(String id, long timestamp, byte[] body, byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }
}

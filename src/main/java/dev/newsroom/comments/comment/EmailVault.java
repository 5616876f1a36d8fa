package dev.newsroom.comments.comment;

import dev.newsroom.comments.secret.GeneratedSecrets;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals commenters' emails with AES-256-GCM: a random 96-bit nonce per email and the comment id as
 * associated data, so a sealed email cannot be moved to another row. Stored as
 * {@code v1:<key id>:<base64url(nonce ‖ ciphertext ‖ tag)>}; the key id lets old rows stay readable
 * after a new key takes over. Other secrets the service must read back (webhooks' signing secrets)
 * are sealed the same way, bound to a context of their own ({@link #sealSecret}).
 */
@Startup
@ApplicationScoped
public class EmailVault {

    private static final String FORMAT = "v1";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String GENERATED_KEY_ID = "g1";

    private final Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
    private final String currentKeyId;
    private final SecureRandom random = new SecureRandom();

    EmailVault(PrivacyConfig config, GeneratedSecrets secrets) {
        if (config.encryptionKeys().isPresent()) {
            for (String entry : config.encryptionKeys().get()) {
                int colon = entry.indexOf(':');
                if (colon < 1) {
                    throw new IllegalStateException("comments.privacy.encryption-keys entries are id:base64key");
                }
                keys.put(entry.substring(0, colon).strip(), aesKey(Base64.getDecoder().decode(entry.substring(colon + 1).strip())));
            }
        } else {
            Log.warn("No comments.privacy.encryption-keys configured: emails are encrypted with a key generated and "
                    + "stored with the data; production should supply its own keys");
        }
        // Rows sealed under the generated key stay readable after keys are configured.
        keys.putIfAbsent(GENERATED_KEY_ID, aesKey(Base64.getUrlDecoder().decode(secrets.obtain("email-encryption"))));
        this.currentKeyId = keys.keySet().iterator().next();
    }

    public String seal(String email, String commentId) {
        return seal(email, associatedData(commentId));
    }

    /** The email of a sealed value, or null when there is none (erased). */
    public String open(String sealed, String commentId) {
        return open(sealed, associatedData(commentId), "An email");
    }

    /**
     * Seals another secret the service must be able to read back (a webhook's signing secret) the
     * same way, with the same keys, bound to {@code context} (say {@code webhook.secret|<id>}) as
     * emails are bound to their comment: a sealed value opens only with the context it was sealed with.
     */
    public String sealSecret(String secret, String context) {
        return seal(secret, secretContext(context));
    }

    /** The secret of a value {@link #sealSecret} sealed with the same context, or null for null. */
    public String openSecret(String sealed, String context) {
        return open(sealed, secretContext(context), "A secret");
    }

    private String seal(String plain, byte[] associatedData) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData);
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] stored = ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
            return FORMAT + ":" + currentKeyId + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(stored);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        }
    }

    private String open(String sealed, byte[] associatedData, String what) {
        if (sealed == null) {
            return null;
        }
        String[] parts = sealed.split(":", 3);
        SecretKeySpec key = parts.length == 3 && parts[0].equals(FORMAT) ? keys.get(parts[1]) : null;
        if (key == null) {
            throw new IllegalStateException(what + " is sealed with a key this instance does not have: " + parts[0]
                    + (parts.length > 1 ? ":" + parts[1] : ""));
        }
        try {
            byte[] stored = Base64.getUrlDecoder().decode(parts[2]);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, 0, NONCE_BYTES));
            cipher.updateAAD(associatedData);
            return new String(cipher.doFinal(stored, NONCE_BYTES, stored.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(what + " does not open: wrong key or another row's value", e);
        }
    }

    /** Emails' associated data begins with comment.email|; no other secret's may, so neither opens as the other. */
    private static byte[] secretContext(String context) {
        if (context.startsWith("comment.")) {
            throw new IllegalArgumentException("comment.* contexts are the emails'");
        }
        return context.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] associatedData(String commentId) {
        return ("comment.email|" + commentId).getBytes(StandardCharsets.UTF_8);
    }

    private static SecretKeySpec aesKey(byte[] key) {
        if (key.length != 32) {
            throw new IllegalStateException("Email encryption keys are 32 bytes (AES-256), base64-encoded");
        }
        return new SecretKeySpec(key, "AES");
    }
}

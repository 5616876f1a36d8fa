package dev.newsroom.comments.comment;

import dev.newsroom.comments.secret.GeneratedSecrets;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed fingerprints that let the service recognise "the same author" or "the same client"
 * without storing anything readable: HMAC-SHA256 under {@code comments.privacy.index-key} (or a key
 * generated and kept with the data), so the database alone cannot confirm a guessed email or
 * address, as an unkeyed hash could.
 * Never published, never logged.
 */
@Startup
@ApplicationScoped
public class BlindIndex {

    private final SecretKeySpec key;

    BlindIndex(PrivacyConfig config, GeneratedSecrets secrets) {
        if (config.indexKey().isEmpty()) {
            Log.warn("No comments.privacy.index-key configured: the email blind index uses a key generated and "
                    + "stored with the data; production should supply its own key");
        }
        byte[] keyBytes = config.indexKey().map(encoded -> java.util.Base64.getDecoder().decode(encoded.strip()))
                .orElseGet(() -> secrets.obtain("blind-index").getBytes(StandardCharsets.UTF_8));
        if (keyBytes.length < 32) {
            throw new IllegalStateException("comments.privacy.index-key must decode to at least 32 bytes");
        }
        this.key = new SecretKeySpec(keyBytes, "HmacSHA256");
    }

    /** The same for {@code Ana@Example.com } and {@code ana@example.com}. */
    public String email(String email) {
        return mac("email|" + email.strip().toLowerCase(Locale.ROOT));
    }

    /**
     * The author id moderators see (API.md §5): keyed on top of the email index, so it is stable for
     * one email, and neither it nor the index can be computed or confirmed from an email without the
     * key. 128 bits, as 32 hex digits.
     */
    public String author(String emailIndex) {
        return mac("author|" + emailIndex).substring(0, 32);
    }

    public String client(String address) {
        return mac("client|" + address);
    }

    /** Identifies one exact submission (all its fields), for recognising a retry. */
    public String request(String... fields) {
        StringBuilder joined = new StringBuilder("request");
        for (String field : fields) {
            joined.append('|').append(field == null ? "\u0000" : field.length() + ":" + field);
        }
        return mac(joined.toString());
    }

    /**
     * The same for bodies that differ only in case, Unicode form and spacing; not keyed, because
     * a body is not personal data on its own and is shown to readers anyway once published.
     */
    public static String bodyFingerprint(String body) {
        String normalized = Normalizer.normalize(body, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replaceAll("\\s+", " ").strip();
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(normalized.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private String mac(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}

package dev.newsroom.comments.account;

import dev.newsroom.comments.secret.GeneratedSecrets;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * OWASP's device cookies: after a successful sign-in the browser receives a cookie that says,
 * signed with the service's key, "this device once signed in as this username". {@link LoginThrottle}
 * lets such a device through even while strangers have locked the username out for everyone else,
 * counting the device's own failures instead. The value is
 * {@code v1.<device id>.<expiry, epoch seconds>.<base64url username>.<base64url HMAC-SHA256>}; it holds
 * no secret, only a claim the service can check, and every instance on the same database checks it
 * with the same generated key.
 */
@ApplicationScoped
public class DeviceCookies {

    /** The cookie's name; {@code HttpOnly}, {@code SameSite=Strict}, path {@code /}. */
    public static final String NAME = "comments_device";
    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

    private final GeneratedSecrets secrets;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private volatile byte[] key;

    DeviceCookies(GeneratedSecrets secrets, Clock clock) {
        this.secrets = secrets;
        this.clock = clock;
    }

    /** A new device cookie value for a browser that has just signed in as {@code username}. */
    public String issue(String username, Instant expires) {
        byte[] id = new byte[16];
        random.nextBytes(id);
        String payload = "v1." + BASE64.encodeToString(id) + "." + expires.getEpochSecond() + "."
                + BASE64.encodeToString(username.getBytes(StandardCharsets.UTF_8));
        return payload + "." + sign(payload);
    }

    /** The device's id, when {@code value} is an unexpired cookie of ours for exactly this username. */
    Optional<String> deviceOf(String value, String username) {
        if (value == null || username == null || value.length() > 300) {
            return Optional.empty();
        }
        String[] parts = value.split("\\.", -1);
        if (parts.length != 5 || !parts[0].equals("v1")) {
            return Optional.empty();
        }
        String payload = String.join(".", parts[0], parts[1], parts[2], parts[3]);
        if (!MessageDigest.isEqual(sign(payload).getBytes(StandardCharsets.US_ASCII),
                parts[4].getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        try {
            if (!clock.instant().isBefore(Instant.ofEpochSecond(Long.parseLong(parts[2])))) {
                return Optional.empty();
            }
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        String owner = new String(Base64.getUrlDecoder().decode(parts[3]), StandardCharsets.UTF_8);
        return owner.equals(username) ? Optional.of(parts[1]) : Optional.empty();
    }

    private String sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return BASE64.encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private byte[] key() {
        byte[] known = key;
        if (known == null) {
            known = Base64.getUrlDecoder().decode(secrets.obtain("device-cookie-key"));
            key = known;
        }
        return known;
    }
}

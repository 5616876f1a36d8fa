package dev.newsroom.comments.comment;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@code comments.privacy.*}: the keys that protect commenters' emails, and how long personal
 * data is kept. Without keys, the service generates them once and keeps them with the data (and
 * warns): a copy of the database then includes its keys, so production should supply its own.
 */
@ConfigMapping(prefix = "comments.privacy")
public interface PrivacyConfig {

    /**
     * AES-256 keys for emails at rest, as {@code id:base64key} entries, comma-separated. The first
     * encrypts new comments; the others only decrypt older ones (rotation: put a new key first,
     * keep the old ones listed).
     */
    Optional<List<String>> encryptionKeys();

    /**
     * HMAC key (base64, at least 32 bytes) of the blind index that finds an author's comments.
     * Set it before the first start: comments indexed under another key are no longer found.
     */
    Optional<String> indexKey();

    /** How long the fingerprint of a client's address is kept (it only serves flood control). */
    @WithDefault("P30D")
    Duration addressRetention();

    /** How long spam and rejected comments are kept before they are deleted (pending ones never are). */
    @WithDefault("P30D")
    Duration rejectedRetention();
}

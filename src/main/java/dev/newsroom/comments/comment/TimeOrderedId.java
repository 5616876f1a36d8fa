package dev.newsroom.comments.comment;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;

/**
 * Comment ids as version 7 UUIDs (RFC 9562): 48 bits of Unix milliseconds, then 74 random bits.
 *
 * <p>Why not {@link UUID#randomUUID()}: the id is the primary key, and the comment rows live in
 * the key's B-tree leaves. Random keys put every new comment on a random leaf, so each store of
 * the embedded database rewrites one leaf per comment; time-ordered keys put a burst of comments
 * on the same right-most leaves. The string form sorts by creation time too, so PostgreSQL's
 * index stays as compact. The id reveals when the comment was written, which {@code createdAt}
 * publishes anyway.
 */
final class TimeOrderedId {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TimeOrderedId() {
    }

    static String at(Instant createdAt) {
        long millis = createdAt.toEpochMilli();
        long randomA = RANDOM.nextInt(1 << 12);
        long randomB = RANDOM.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL;
        long high = (millis & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000L | randomA;
        long low = 0x8000_0000_0000_0000L | randomB;   // variant 10
        return new UUID(high, low).toString();
    }
}

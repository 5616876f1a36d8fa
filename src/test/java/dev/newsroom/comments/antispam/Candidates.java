package dev.newsroom.comments.antispam;

import dev.newsroom.comments.comment.AuthorRecord;
import dev.newsroom.comments.comment.Standing;
import java.time.Instant;
import java.util.Optional;

/** Named candidates and a history without a database, for the rules' unit tests. */
final class Candidates {

    static final Instant NOW = Instant.parse("2026-06-19T08:15:00Z");

    private Candidates() {
    }

    static Candidate saying(String body) {
        return new Candidate("a-1", "Ana", "ana@example.com", null, body, null, NOW.minusSeconds(60), NOW, "email-ana",
                "client-1", new AuthorRecord("author-ana", Standing.NORMAL, 0, 0));
    }

    static Candidate with(Candidate c, String name, String email, String website, String honeypot) {
        return new Candidate(c.articleId(), name, email, website, c.body(), honeypot, c.captchaIssuedAt(),
                c.receivedAt(), c.emailIndex(), c.clientIndex(), c.author());
    }

    static Candidate issuedAt(Candidate c, Instant issuedAt) {
        return new Candidate(c.articleId(), c.name(), c.email(), c.website(), c.body(), c.honeypot(), issuedAt,
                c.receivedAt(), c.emailIndex(), c.clientIndex(), c.author());
    }

    /** The same candidate from an author with this standing and record. */
    static Candidate by(Candidate c, Standing standing, long approved, long spam) {
        return new Candidate(c.articleId(), c.name(), c.email(), c.website(), c.body(), c.honeypot(),
                c.captchaIssuedAt(), c.receivedAt(), c.emailIndex(), c.clientIndex(),
                new AuthorRecord("author-ana", standing, approved, spam));
    }

    /** A history with one earlier comment (or none). */
    record History(Instant latest, boolean sameText) implements AuthorHistory {

        static History empty() {
            return new History(null, false);
        }

        @Override
        public Optional<Instant> latestFrom(String emailIndex, String clientIndex, Instant since) {
            return Optional.ofNullable(latest).filter(at -> at.isAfter(since));
        }

        @Override
        public boolean hasSameText(String articleId, String emailIndex, String body, Instant since) {
            return sameText;
        }
    }
}

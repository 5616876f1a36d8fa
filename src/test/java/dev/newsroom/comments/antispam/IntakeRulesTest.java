package dev.newsroom.comments.antispam;

import dev.newsroom.comments.comment.Standing;

import static dev.newsroom.comments.antispam.Candidates.NOW;
import static dev.newsroom.comments.antispam.Candidates.saying;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsroom.comments.comment.CommentStatus;
import dev.newsroom.comments.web.ProblemException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Each intake rule on its own. */
class IntakeRulesTest {

    @Nested
    class Flood {
        private final Duration interval = Duration.ofSeconds(15);

        @Test
        void aSecondCommentWithinTheIntervalIsRefusedWithTheTimeLeft() {
            var rule = new FloodRule(new Candidates.History(NOW.minusSeconds(5), false), interval);
            var problem = assertThrows(ProblemException.class, () -> rule.judge(saying("hi")));
            assertEquals(429, problem.status());
            assertEquals(Optional.of(Duration.ofSeconds(10)), problem.retryAfter());
        }

        @Test
        void afterTheIntervalItPasses() {
            var rule = new FloodRule(new Candidates.History(NOW.minusSeconds(16), false), interval);
            assertTrue(rule.judge(saying("hi")).isEmpty());
        }

        @Test
        void zeroTurnsItOff() {
            var rule = new FloodRule(new Candidates.History(NOW.minusSeconds(1), false), Duration.ZERO);
            assertTrue(rule.judge(saying("hi")).isEmpty());
        }
    }

    @Test
    void theSameTextAgainIsADuplicate() {
        var rule = new DuplicateRule(new Candidates.History(null, true), Duration.ofHours(24));
        Candidate again = Candidates.by(saying("hi"), Standing.NORMAL, 1, 0);
        assertEquals(409, assertThrows(ProblemException.class, () -> rule.judge(again)).status());
        assertTrue(new DuplicateRule(Candidates.History.empty(), Duration.ofHours(24)).judge(again).isEmpty());
    }

    @Test
    void anAuthorsFirstCommentIsNeverADuplicate() {
        // The author's counts say nothing of theirs is stored, so the history is not even asked.
        var rule = new DuplicateRule(new Candidates.History(null, true), Duration.ofHours(24));
        assertTrue(rule.judge(saying("hi")).isEmpty());
    }

    @Test
    void aFilledHoneypotIsSpam() {
        var rule = new HoneypotRule();
        assertEquals(Optional.of(Verdict.spam("honeypot")),
                rule.judge(Candidates.with(saying("hi"), "Ana", "a@b.co", null, "http://x")));
        assertTrue(rule.judge(Candidates.with(saying("hi"), "Ana", "a@b.co", null, "  ")).isEmpty());
    }

    @Test
    void aCommentFasterThanThreeSecondsIsHeld() {
        var rule = new TooFastRule(Duration.ofSeconds(3));
        assertEquals(Optional.of(Verdict.hold("too-fast")),
                rule.judge(Candidates.issuedAt(saying("hi"), NOW.minusMillis(2999))));
        assertTrue(rule.judge(Candidates.issuedAt(saying("hi"), NOW.minusSeconds(3))).isEmpty());
    }

    @ParameterizedTest(name = "{0} links in \"{1}\"")
    @CsvSource(delimiter = '|', value = {
            "0|no links at all", "1|see https://example.com", "1|WWW.example.com only",
            "2|http://a.test and https://b.test", "2|www.a.test and www.b.test", "3|x http://a www.b HTTPS://c" })
    void linksAreCounted(int links, String body) {
        var rule = new LinkCountRule(2);
        assertEquals(links >= 2, rule.judge(saying(body)).isPresent(), body);
    }

    @Test
    void theWebsiteCountsAsALink() {
        var rule = new LinkCountRule(2);
        var candidate = Candidates.with(saying("see https://example.com"), "Ana", "a@b.co", "https://ana.blog", null);
        assertEquals(Optional.of(Verdict.hold("too-many-links")), rule.judge(candidate));
    }

    @ParameterizedTest
    @ValueSource(strings = { "buy viagra now", "V\u200Biagra", "\uFF36\uFF29\uFF21\uFF27\uFF32\uFF21", "VIAGRA!",
            "cheap-viagra", "viagra" })
    void blockedWordsMatchAfterNormalisation(String body) {
        var rule = new BlockedWordsRule(List.of("Viagra"));
        assertEquals(Optional.of(Verdict.spam("blocked-word:viagra")), rule.judge(saying(body)), body);
    }

    @Test
    void wordsMatchWholeWordsOnly() {
        var rule = new HeldWordsRule(List.of("press"));
        assertTrue(rule.judge(saying("I love WordPress and expressions")).isEmpty());
        assertEquals(Optional.of(Verdict.hold("held-word:press")), rule.judge(saying("the Press said")));
    }

    @Test
    void wordsAreLookedForInNameEmailWebsiteAndBody() {
        var rule = new BlockedWordsRule(List.of("casino"));
        assertTrue(rule.judge(Candidates.with(saying("hi"), "Casino King", "a@b.co", null, null)).isPresent());
        assertTrue(rule.judge(Candidates.with(saying("hi"), "Ana", "casino@b.co", null, null)).isPresent());
        assertTrue(rule.judge(Candidates.with(saying("hi"), "Ana", "a@b.co", "https://casino.test", null)).isPresent());
        assertTrue(new BlockedWordsRule(List.of()).judge(saying("casino")).isEmpty());
    }

    @Test
    void trustedAuthorsArePublishedOnlyUnderTrustReturning() {
        var returning = Candidates.by(saying("hi"), Standing.NORMAL, 2, 0);
        assertEquals(Optional.of(Verdict.publish("trusted-author")),
                new TrustedAuthorRule(PolicyConfig.Policy.TRUST_RETURNING, 2).judge(returning));
        assertTrue(new TrustedAuthorRule(PolicyConfig.Policy.HOLD_ALL, 2).judge(returning).isEmpty());
        assertTrue(new TrustedAuthorRule(PolicyConfig.Policy.TRUST_RETURNING, 2)
                .judge(Candidates.by(saying("hi"), Standing.NORMAL, 1, 0)).isEmpty());
        assertTrue(new TrustedAuthorRule(PolicyConfig.Policy.TRUST_RETURNING, 2)
                .judge(Candidates.by(saying("hi"), Standing.NORMAL, 5, 1)).isEmpty(), "any spam revokes trust");
    }

    @Test
    void verdictsCombineSpamOverHeldOverPublishedWithAllReasons() {
        Verdict combined = Verdict.publish("trusted-author").and(Verdict.hold("too-many-links"))
                .and(Verdict.spam("honeypot"));
        assertEquals(CommentStatus.SPAM, combined.status());
        assertEquals(List.of("trusted-author", "too-many-links", "honeypot"), combined.reasons());
        assertEquals(CommentStatus.PENDING, Verdict.publish("trusted-author").and(Verdict.hold("too-fast")).status());
    }
}

package dev.newsroom.comments.antispam;

import dev.newsroom.comments.comment.CommentRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;

/** What the rules may ask about earlier comments; an interface of its own so rules test without a database. */
interface AuthorHistory {

    Optional<Instant> latestFrom(String emailIndex, String clientIndex, Instant since);

    boolean hasSameText(String articleId, String emailIndex, String body, Instant since);

    @ApplicationScoped
    class FromComments implements AuthorHistory {

        private final CommentRepository comments;

        FromComments(CommentRepository comments) {
            this.comments = comments;
        }

        @Override
        public Optional<Instant> latestFrom(String emailIndex, String clientIndex, Instant since) {
            return comments.latestFrom(emailIndex, clientIndex, since);
        }

        @Override
        public boolean hasSameText(String articleId, String emailIndex, String body, Instant since) {
            return comments.hasSameText(articleId, emailIndex,
                    dev.newsroom.comments.comment.BlindIndex.bodyFingerprint(body), since);
        }
    }
}

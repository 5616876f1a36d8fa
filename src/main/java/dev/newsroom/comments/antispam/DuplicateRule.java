package dev.newsroom.comments.antispam;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;

/** The same author posting the same text (case, spacing and Unicode form aside) on the same article: 409. */
@ApplicationScoped
class DuplicateRule implements IntakeRule {

    private final AuthorHistory history;
    private final Duration window;

    @Inject
    DuplicateRule(AuthorHistory history, AntispamConfig config) {
        this(history, config.duplicateWindow());
    }

    DuplicateRule(AuthorHistory history, Duration window) {
        this.history = history;
        this.window = window;
    }

    @Override
    public Optional<Verdict> judge(Candidate candidate) {
        // An author with no stored comment cannot repeat one (a first comment needs no query).
        if (candidate.author().hasComments() && history.hasSameText(candidate.articleId(), candidate.emailIndex(),
                candidate.body(), candidate.receivedAt().minus(window))) {
            throw new AntispamProblems.DuplicateComment();
        }
        return Optional.empty();
    }
}

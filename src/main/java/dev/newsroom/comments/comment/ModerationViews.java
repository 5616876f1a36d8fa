package dev.newsroom.comments.comment;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Builds moderator items: each comment with its author's record and its open reports, read for a
 * whole page in two or three queries rather than per item.
 */
@ApplicationScoped
public class ModerationViews {

    private final EmailVault vault;
    private final Authors authors;
    private final Reports reports;
    private final Clock clock;

    ModerationViews(EmailVault vault, Authors authors, Reports reports, Clock clock) {
        this.vault = vault;
        this.authors = authors;
        this.reports = reports;
        this.clock = clock;
    }

    public ModerationView of(Comment comment) {
        return of(List.of(comment)).getFirst();
    }

    /**
     * A comment just stored by intake, whose author's record intake read: no query needed, since a
     * new comment has no reports and its author's counts are that record plus this comment. The email
     * is the one submitted, rather than opened again from what was just sealed.
     */
    public ModerationView ofSubmitted(Comment comment, String email, AuthorRecord author) {
        return ModerationView.of(comment, email, new Authors.Known(author.authorId(), author.plusOne(comment.status())),
                ReportSummary.NONE);
    }

    public List<ModerationView> of(List<Comment> comments) {
        Map<String, Authors.Known> byIndex = authors.summaries(comments.stream().map(Comment::emailIndex).toList(),
                clock.instant());
        Map<String, ReportSummary> reported = reports.summaries(comments.stream().map(Comment::id).toList());
        return comments.stream().map(comment -> ModerationView.of(comment, vault,
                comment.emailIndex() == null ? null : byIndex.get(comment.emailIndex()),
                reported.getOrDefault(comment.id(), ReportSummary.NONE))).toList();
    }
}

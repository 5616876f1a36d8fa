package dev.newsroom.comments.comment;

/** What the intake rules know about an author: the standing in force, and how their comments fared. */
public record AuthorRecord(String authorId, Standing standing, long approved, long spam, long pending, long rejected) {

    public AuthorRecord(String authorId, Standing standing, long approved, long spam) {
        this(authorId, standing, approved, spam, 0, 0);
    }

    /** An author whose first comment this is: their row was just created, with the default standing. */
    public static AuthorRecord newcomer(String authorId) {
        return new AuthorRecord(authorId, Standing.NORMAL, 0, 0, 0, 0);
    }

    /** Whether any comment of this author is stored (the author's counts cover every status). */
    public boolean hasComments() {
        return approved + spam + pending + rejected > 0;
    }

    /** The moderators' summary once one more comment in {@code status} is stored. */
    AuthorSummary plusOne(CommentStatus status) {
        return new AuthorSummary(approved + (status == CommentStatus.APPROVED ? 1 : 0),
                pending + (status == CommentStatus.PENDING ? 1 : 0), rejected + (status == CommentStatus.REJECTED ? 1 : 0),
                spam + (status == CommentStatus.SPAM ? 1 : 0), standing);
    }
}

package dev.newsroom.comments.comment;

/** What the intake rules know about an author: the standing in force, and how their comments fared. */
public record AuthorRecord(String authorId, Standing standing, long approved, long spam) {
}

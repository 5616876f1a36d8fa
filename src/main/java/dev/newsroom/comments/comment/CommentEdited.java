package dev.newsroom.comments.comment;

/**
 * Fired (as a CDI event, synchronously) in the transaction in which a moderator changes a comment's
 * name, body or website. Edits are for redaction, so the old values must survive nowhere: a
 * feature that keeps something derived from them, outside the comment's own row, forgets it in
 * the same transaction (captcha.CaptchaService, the spent captcha's request hash).
 */
public record CommentEdited(String commentId) {
}

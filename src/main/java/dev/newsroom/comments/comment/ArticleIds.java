package dev.newsroom.comments.comment;

import dev.newsroom.comments.web.ProblemException;
import java.util.regex.Pattern;

/** The {@link ArticleId} rule for values that arrive as plain query parameters. */
public final class ArticleIds {

    private static final Pattern VALID = Pattern.compile(ArticleId.PATTERN);

    private ArticleIds() {
    }

    /** The id itself, or a 400 naming {@code articleId}. */
    public static String requireValid(String articleId) {
        if (articleId == null || !VALID.matcher(articleId).matches()) {
            throw ProblemException.invalidField("articleId", "must be 1 to 128 characters of A-Z a-z 0-9 . _ - :");
        }
        return articleId;
    }
}

package dev.newsroom.comments.antispam;

import dev.newsroom.comments.comment.CommentStatus;
import java.util.List;

/** What intake decided for a candidate, and the reasons moderators will see. */
public record Verdict(CommentStatus status, List<String> reasons) {

    public Verdict {
        reasons = List.copyOf(reasons);
    }
}

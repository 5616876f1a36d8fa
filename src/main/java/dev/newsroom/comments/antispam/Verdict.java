package dev.newsroom.comments.antispam;

import dev.newsroom.comments.comment.CommentStatus;
import java.util.ArrayList;
import java.util.List;

/** Where a candidate goes, and the reasons moderators will see. */
public record Verdict(CommentStatus status, List<String> reasons) {

    public Verdict {
        reasons = List.copyOf(reasons);
    }

    static Verdict spam(String reason) {
        return new Verdict(CommentStatus.SPAM, List.of(reason));
    }

    static Verdict hold(String reason) {
        return new Verdict(CommentStatus.PENDING, List.of(reason));
    }

    static Verdict publish(String reason) {
        return new Verdict(CommentStatus.APPROVED, List.of(reason));
    }

    /** Spam outranks holding, holding outranks publishing; every reason is kept. */
    Verdict and(Verdict other) {
        List<String> all = new ArrayList<>(reasons);
        all.addAll(other.reasons);
        return new Verdict(rank(other.status) > rank(status) ? other.status : status, all);
    }

    private static int rank(CommentStatus status) {
        return switch (status) {
            case APPROVED -> 0;
            case PENDING -> 1;
            case REJECTED, SPAM -> 2;
        };
    }
}

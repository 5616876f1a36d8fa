package dev.newsroom.comments.antispam;

import dev.newsroom.comments.web.ProblemException;
import java.time.Duration;

/** Refusals of the intake gates and the rate limiter. Nothing is stored when one is thrown. */
final class AntispamProblems {

    private AntispamProblems() {
    }

    static class TooManySubmissions extends ProblemException {
        TooManySubmissions(String detail, Duration retryAfter) {
            super(429, "Too many requests", detail, null, retryAfter);
        }
    }

    static class DuplicateComment extends ProblemException {
        DuplicateComment() {
            super(409, "Duplicate comment", "You already posted this comment on this article.");
        }
    }
}

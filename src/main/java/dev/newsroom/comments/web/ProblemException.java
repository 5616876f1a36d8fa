package dev.newsroom.comments.web;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Base of every domain exception that maps to a client error. Features extend it with
 * their own named exceptions; {@link ProblemMappers} turns it into problem+json.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String title;
    private final List<Problem.Violation> violations;
    private final Duration retryAfter;

    protected ProblemException(int status, String title, String detail, List<Problem.Violation> violations,
            Duration retryAfter) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
        this.violations = violations == null || violations.isEmpty() ? null : List.copyOf(violations);
        this.retryAfter = retryAfter;
    }

    protected ProblemException(int status, String title, String detail) {
        this(status, title, detail, null, null);
    }

    /** A 400 naming one request field; {@code message} must not contain the rejected value. */
    public static ProblemException invalidField(String field, String message) {
        return new ProblemException(400, "Invalid request", "A field of the request is invalid.",
                List.of(new Problem.Violation(field, message)), null);
    }

    /** A 400 naming several request fields; no message may contain a rejected value. */
    public static ProblemException invalidFields(List<Problem.Violation> violations) {
        return new ProblemException(400, "Invalid request", "One or more fields of the request are invalid.",
                violations, null);
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(400, "Bad request", detail);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<Problem.Violation> violations() {
        return violations;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    public Problem toProblem() {
        return new Problem(ProblemTypes.forStatus(status), title, status, getMessage(), violations);
    }
}

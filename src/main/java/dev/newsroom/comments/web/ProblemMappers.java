package dev.newsroom.comments.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into {@code application/problem+json}. Messages are fixed texts:
 * nothing from the request (and so no email) is ever copied into an error.
 */
class ProblemMappers {

    /** The challenge a client without valid credentials receives with its 401. */
    static final String BASIC_CHALLENGE = "Basic realm=\"comments\", charset=\"UTF-8\"";

    @ServerExceptionMapper
    RestResponse<Problem> domain(ProblemException e) {
        RestResponse.ResponseBuilder<Problem> response = problem(e.toProblem());
        e.retryAfter().ifPresent(after -> response.header("Retry-After", Math.max(1, after.toSeconds())));
        return response.build();
    }

    @ServerExceptionMapper
    RestResponse<Problem> invalidFields(ConstraintViolationException e) {
        List<Problem.Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Problem.Violation(leafName(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.Violation::field).thenComparing(Problem.Violation::message))
                .distinct()
                .toList();
        return problem(new Problem(ProblemTypes.forStatus(400), "Invalid request",
                400, "One or more fields of the request are invalid.", violations)).build();
    }

    @ServerExceptionMapper({ JsonParseException.class, MismatchedInputException.class,
            StreamConstraintsException.class, JsonProcessingException.class })
    RestResponse<Problem> malformedJson(Exception e) {
        // Jackson's own message quotes the offending input, which may be an email: never forward it.
        if (e instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String field = fieldOf(mismatch);
            return problem(new Problem(ProblemTypes.forStatus(400), "Malformed request body", 400,
                    "The JSON field '" + field + "' has the wrong type.",
                    List.of(new Problem.Violation(field, "has the wrong type")))).build();
        }
        return plain(400, "Malformed request body", "The request body is not a JSON object of the expected shape.");
    }

    /** Two requests raced to create the same row (say, two moderators closing one article at once). */
    @ServerExceptionMapper
    RestResponse<Problem> concurrentInsert(org.hibernate.exception.ConstraintViolationException e) {
        return plain(409, "Conflict", "Another request changed the same data at the same time; try again.");
    }

    /** A failed login; a feature may refuse one with a problem of its own (say, 429 while locked out). */
    @ServerExceptionMapper
    RestResponse<Problem> authenticationFailed(AuthenticationFailedException e) {
        return e.getCause() instanceof ProblemException problem ? domain(problem) : unauthenticated();
    }

    @ServerExceptionMapper
    RestResponse<Problem> unauthorized(UnauthorizedException e) {
        return unauthenticated();
    }

    @ServerExceptionMapper
    RestResponse<Problem> forbidden(ForbiddenException e) {
        return plain(403, "Forbidden", "Your account's role does not allow this operation.");
    }

    @ServerExceptionMapper
    RestResponse<Problem> http(WebApplicationException e) {
        Response original = e.getResponse();
        int status = original.getStatus();
        if (status >= 500) {
            return serverError(e);
        }
        String title = status == 400 ? "Malformed request body" : original.getStatusInfo().getReasonPhrase();
        RestResponse.ResponseBuilder<Problem> response = problem(new Problem(ProblemTypes.forStatus(status), title,
                status, detailFor(status), null));
        copyHeader(original, response, HttpHeaders.ALLOW);
        copyHeader(original, response, HttpHeaders.WWW_AUTHENTICATE);
        return response.build();
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 100)
    RestResponse<Problem> unexpected(Throwable e) {
        if (e instanceof IllegalArgumentException && isUrlDecodingFailure(e)) {
            return plain(400, "Malformed request body", "The form body is not valid URL encoding.");
        }
        if (e instanceof java.io.IOException) {
            // The only I/O under a resource is reading the request body: the client closed the
            // connection half-way (or stalled past the timeout). Its fault, and nobody reads the answer.
            Log.debugf("Request body unreadable (%s): answered 400", e.getClass().getSimpleName());
            return plain(400, "Incomplete request body", "The request body could not be read to its end.");
        }
        if (DatabaseUnavailable.causedBy(e)) {
            Log.warnf("Database unavailable (%s): answered 503", e.getClass().getSimpleName());
            return problem(new Problem(ProblemTypes.forStatus(503), "Service unavailable", 503,
                    "The comment store is unavailable for a moment; the request was not completed. Try again shortly.", null))
                    .header("Retry-After", DatabaseUnavailable.RETRY_AFTER.toSeconds())
                    .build();
        }
        return serverError(e);
    }

    /** A form body with a broken %-escape fails inside the framework's decoder: the client's fault, not ours. */
    private static boolean isUrlDecodingFailure(Throwable e) {
        for (StackTraceElement frame : e.getStackTrace()) {
            if (frame.getClassName().endsWith(".URLUtils")) {
                return true;
            }
        }
        return false;
    }

    private static RestResponse<Problem> serverError(Throwable e) {
        // Exception messages can carry SQL parameters (and so emails): log the type and stack only.
        String incident = UUID.randomUUID().toString();
        Log.errorf("Unhandled %s, incident %s, at %s", e.getClass().getName(), incident, topFrame(e));
        return plain(500, "Internal error", "The request could not be completed (incident " + incident + ").");
    }

    private static String topFrame(Throwable e) {
        StackTraceElement[] frames = e.getStackTrace();
        return frames.length == 0 ? "unknown" : frames[0].toString();
    }

    private static RestResponse<Problem> unauthenticated() {
        return problem(new Problem(ProblemTypes.forStatus(401), "Unauthenticated", 401,
                "Valid moderator credentials are required.", null))
                .header(HttpHeaders.WWW_AUTHENTICATE, BASIC_CHALLENGE)
                .build();
    }

    private static RestResponse<Problem> plain(int status, String title, String detail) {
        return problem(new Problem(ProblemTypes.forStatus(status), title, status, detail, null)).build();
    }

    static RestResponse.ResponseBuilder<Problem> problem(Problem body) {
        return RestResponse.ResponseBuilder.<Problem>create(body.status()).entity(body).type(Problem.MEDIA_TYPE);
    }

    private static void copyHeader(Response from, RestResponse.ResponseBuilder<Problem> to, String name) {
        String value = from.getHeaderString(name);
        if (value != null) {
            to.header(name, value);
        }
    }

    private static String detailFor(int status) {
        return switch (status) {
            case 400 -> "The request body could not be read as JSON: check its syntax, duplicate keys and nesting.";
            case 404 -> "There is nothing at this address.";
            case 405 -> "This address does not accept that method.";
            case 406 -> "This address answers application/json only.";
            case 415 -> "Send application/json or application/x-www-form-urlencoded as UTF-8.";
            default -> "The request could not be processed.";
        };
    }

    /** The last named node of a validation path: {@code submit.submission.email} becomes {@code email}. */
    /**
     * The field a violation is about: the properties from the request body down, dotted for a nested
     * object ({@code filter.status}); the parameter's name for a violation of the parameter itself.
     */
    static String leafName(ConstraintViolation<?> violation) {
        String leaf = null;
        StringBuilder properties = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.RETURN_VALUE
                    || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                continue;
            }
            if (node.getKind() == ElementKind.PROPERTY && node.getName() != null) {
                properties.append(properties.isEmpty() ? "" : ".").append(node.getName());
            }
            if (node.getName() != null) {
                leaf = node.getName();
            }
        }
        if (!properties.isEmpty()) {
            return properties.toString();
        }
        return leaf == null ? "request" : leaf;
    }

    /** The top-level field: a declared property, since unknown ones are skipped before binding. */
    private static String fieldOf(MismatchedInputException e) {
        String name = e.getPath().get(0).getFieldName();
        return name != null ? name : "request";
    }
}

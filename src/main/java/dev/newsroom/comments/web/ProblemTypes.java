package dev.newsroom.comments.web;

/** Problem {@code type} URIs: one per status, documented in the OpenAPI description. */
final class ProblemTypes {

    private ProblemTypes() {
    }

    static String forStatus(int status) {
        return switch (status) {
            case 400 -> "urn:problem:invalid-request";
            case 401 -> "urn:problem:unauthenticated";
            case 403 -> "urn:problem:forbidden";
            case 404 -> "urn:problem:not-found";
            case 405 -> "urn:problem:method-not-allowed";
            case 406 -> "urn:problem:not-acceptable";
            case 409 -> "urn:problem:conflict";
            case 412 -> "urn:problem:precondition-failed";
            case 413 -> "urn:problem:request-too-large";
            case 415 -> "urn:problem:unsupported-media-type";
            case 429 -> "urn:problem:too-many-requests";
            case 431 -> "urn:problem:headers-too-large";
            case 503 -> "urn:problem:unavailable";
            default -> status >= 500 ? "urn:problem:server-error" : "about:blank";
        };
    }
}

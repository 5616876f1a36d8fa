package dev.newsroom.comments.web;

/**
 * A route that takes bodies larger than {@code quarkus.http.limits.max-body-size} (64 KiB), up to a
 * limit of its own: an import's file. {@link HttpLayerProblems} answers 413 past that limit instead,
 * and lets the body through the HTTP server's own check, which would refuse anything over 64 KiB.
 * A feature declares one as a bean.
 */
public interface OwnBodyLimit {

    /** The request's method. */
    String method();

    /** The request's exact path, {@code /api/v1/...}. */
    String path();

    /** The largest body it accepts, in bytes. */
    long maxBodyBytes();
}

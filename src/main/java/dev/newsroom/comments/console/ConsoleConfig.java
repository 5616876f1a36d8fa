package dev.newsroom.comments.console;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** {@code comments.console.*}: the moderation console's sessions and device cookies (API.md §7). */
@ConfigMapping(prefix = "comments.console")
interface ConsoleConfig {

    /** A session unused this long ends (ISO-8601); the moderator signs in again. */
    @WithDefault("PT30M")
    Duration idleTimeout();

    /** A session ends this long after sign-in however busy it is (ISO-8601). */
    @WithDefault("PT12H")
    Duration maxAge();

    /**
     * How long a browser that signed in stays a trusted device for that username, which strangers'
     * failed logins cannot lock out (ISO-8601).
     */
    @WithDefault("P30D")
    Duration deviceCookieMaxAge();

    /**
     * Mark the cookies {@code Secure}. Unset: when the request came over https, as the server sees
     * it (behind a proxy that terminates TLS, enable {@code quarkus.http.proxy.proxy-address-forwarding}
     * so that X-Forwarded-Proto counts).
     */
    Optional<Boolean> secureCookies();
}

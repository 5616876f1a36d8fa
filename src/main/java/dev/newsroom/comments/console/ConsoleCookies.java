package dev.newsroom.comments.console;

import dev.newsroom.comments.account.DeviceCookies;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpServerRequest;
import java.time.Duration;

/**
 * The console's cookies: the session (a browser-session cookie; the server ends it after idling)
 * and the device cookie of {@link DeviceCookies}. Both {@code HttpOnly} (no script reads them),
 * {@code SameSite=Strict} (no other site's page makes the browser send them) and path {@code /} (the
 * console calls {@code /api/v1/moderation/**}); {@code Secure} over https.
 */
final class ConsoleCookies {

    static final String SESSION = "comments_console";

    private ConsoleCookies() {
    }

    static boolean secure(HttpServerRequest request, ConsoleConfig config) {
        return config.secureCookies().orElseGet(() -> request.isSSL() || "https".equalsIgnoreCase(request.scheme()));
    }

    static Cookie session(String token, boolean secure) {
        return strict(Cookie.cookie(SESSION, token), secure);
    }

    static Cookie sessionEnded(boolean secure) {
        return strict(Cookie.cookie(SESSION, ""), secure).setMaxAge(0);
    }

    static Cookie device(String value, Duration maxAge, boolean secure) {
        return strict(Cookie.cookie(DeviceCookies.NAME, value), secure).setMaxAge(maxAge.toSeconds());
    }

    private static Cookie strict(Cookie cookie, boolean secure) {
        return cookie.setPath("/").setHttpOnly(true).setSameSite(CookieSameSite.STRICT).setSecure(secure);
    }
}

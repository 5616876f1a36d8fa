package dev.newsroom.comments.console;

import dev.newsroom.comments.account.DeviceCookies;
import dev.newsroom.comments.account.PasswordSignIn;
import dev.newsroom.comments.web.ClientAddress;
import dev.newsroom.comments.web.ProblemException;
import io.quarkus.logging.Log;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The console's pages (API.md §7), outside {@code /api/v1}: {@code GET /console/} is the sign-in
 * form, or for a signed-in moderator the page that {@code console.js} turns into the console;
 * {@code POST /console/sign-in} (a plain form: username, password) opens a session and answers 303
 * back to it; {@code POST /console/sign-out} (with the session's CSRF token in field {@code csrf})
 * ends it. The console itself works on the JSON API, authenticated by the session cookie
 * ({@link ConsoleSessionAuthentication}). Every page has a strict Content-Security-Policy: scripts and
 * styles from the service's own files only, no inline ones, and no framing.
 */
@ApplicationScoped
class ConsoleRoutes {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";
    private static final int MAX_FORM = 8 * 1024;
    /** Longer passwords are refused without hashing: bcrypt reads 72 bytes, and hashing megabytes costs. */
    private static final int MAX_PASSWORD = 1024;

    private final ConsoleSessions sessions;
    private final PasswordSignIn passwords;
    private final DeviceCookies devices;
    private final ConsoleConfig config;
    private final Clock clock;

    @Inject
    @Location("console/sign-in.html")
    Template signInPage;

    @Inject
    @Location("console/console.html")
    Template consolePage;

    ConsoleRoutes(ConsoleSessions sessions, PasswordSignIn passwords, DeviceCookies devices, ConsoleConfig config,
            Clock clock) {
        this.sessions = sessions;
        this.passwords = passwords;
        this.devices = devices;
        this.config = config;
        this.clock = clock;
    }

    void routes(@Observes Router router) {
        requirePositive("comments.console.idle-timeout", config.idleTimeout());
        requirePositive("comments.console.max-age", config.maxAge());
        requirePositive("comments.console.device-cookie-max-age", config.deviceCookieMaxAge());
        // Route "/console" also matches "/console/": only the bare one is redirected.
        router.get("/console").handler(context -> {
            if (context.request().path().equals("/console")) {
                context.response().setStatusCode(301).putHeader("Location", "/console/").end();
            } else {
                context.next();
            }
        });
        router.get("/console/").blockingHandler(this::page, false);
        router.post("/console/sign-in").handler(BodyHandler.create(false).setBodyLimit(MAX_FORM))
                .blockingHandler(this::signIn, false);
        router.post("/console/sign-out").handler(BodyHandler.create(false).setBodyLimit(MAX_FORM))
                .blockingHandler(this::signOut, false);
    }

    private void page(RoutingContext context) {
        guarded(context, () -> {
            Optional<ConsoleSessions.Active> session = session(context.request());
            Optional<String> role = session.flatMap(active -> passwords.currentRole(active.username()));
            if (session.isEmpty() || role.isEmpty()) {
                boolean ended = context.request().getCookie(ConsoleCookies.SESSION) != null;
                if (ended) {
                    context.response().addCookie(ConsoleCookies.sessionEnded(secure(context)));
                }
                String signedOut = context.request().getParam("signed-out");
                signIn(context, 200, ended ? "Your session has ended. Sign in again." : signedOut != null
                        ? "You have signed out." : "", "info", "");
                return;
            }
            html(context, 200, consolePage.data("username", session.get().username()).data("role", role.get())
                    .data("admin", role.get().equals("admin")).data("csrf", session.get().csrfToken()).render());
        });
    }

    private void signIn(RoutingContext context) {
        guarded(context, () -> {
            HttpServerRequest request = context.request();
            String username = field(request, "username").trim();
            String password = field(request, "password");
            if (!SameOrigin.check(request)) {
                signIn(context, 403, "This sign-in did not come from the console's own page; open the console and "
                        + "sign in there.", "error", "");
                return;
            }
            if (username.isEmpty() || password.isEmpty()) {
                signIn(context, 400, "Enter your username and your password.", "error", username);
                return;
            }
            Cookie device = request.getCookie(DeviceCookies.NAME);
            Optional<PasswordSignIn.SignedIn> account;
            try {
                account = password.length() > MAX_PASSWORD ? Optional.empty()
                        : passwords.check(username, password, ClientAddress.of(request),
                                device == null ? null : device.getValue());
            } catch (ProblemException lockedOutOrBusy) {
                Duration wait = lockedOutOrBusy.retryAfter().orElse(Duration.ofSeconds(1));
                context.response().putHeader("Retry-After", Long.toString(Math.max(1, wait.toSeconds())));
                signIn(context, 429, wait.toSeconds() <= 5 ? "Too many sign-ins are being checked right now. Try again in "
                        + "a moment." : "Too many failed sign-ins. Try again in " + minutes(wait) + ".", "error", username);
                return;
            }
            if (account.isEmpty()) {
                signIn(context, 401, "Wrong username or password.", "error", username);
                return;
            }
            boolean secure = secure(context);
            Cookie previous = request.getCookie(ConsoleCookies.SESSION);
            if (previous != null) {
                sessions.close(previous.getValue()); // a new session, never one a planted cookie chose
            }
            ConsoleSessions.Opened opened = sessions.open(account.get().username());
            Duration deviceAge = config.deviceCookieMaxAge();
            context.response()
                    .addCookie(ConsoleCookies.session(opened.token(), secure))
                    .addCookie(ConsoleCookies.device(devices.issue(account.get().username(),
                            clock.instant().plus(deviceAge)), deviceAge, secure));
            Log.infof("Console sign-in of %s", account.get().username());
            redirect(context, "/console/");
        });
    }

    private void signOut(RoutingContext context) {
        guarded(context, () -> {
            HttpServerRequest request = context.request();
            Cookie cookie = request.getCookie(ConsoleCookies.SESSION);
            Optional<ConsoleSessions.Active> session = session(request);
            if (session.isPresent() && !(SameOrigin.check(request)
                    && ConsoleSessions.csrfMatches(session.get(), request.getFormAttribute("csrf")))) {
                signIn(context, 403, "This sign-out did not come from the console's own page.", "error", "");
                return;
            }
            if (cookie != null) {
                sessions.close(cookie.getValue());
                context.response().addCookie(ConsoleCookies.sessionEnded(secure(context)));
            }
            redirect(context, "/console/?signed-out");
        });
    }

    /** A bad setting stops startup with a message naming it. */
    private static void requirePositive(String key, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalStateException(key + " must be a positive duration, not " + value);
        }
    }

    private Optional<ConsoleSessions.Active> session(HttpServerRequest request) {
        Cookie cookie = request.getCookie(ConsoleCookies.SESSION);
        return cookie == null ? Optional.empty() : sessions.find(cookie.getValue());
    }

    private void signIn(RoutingContext context, int status, String message, String kind, String username) {
        html(context, status, signInPage.data(Map.of("message", message, "kind", kind, "username", username)).render());
    }

    private boolean secure(RoutingContext context) {
        return ConsoleCookies.secure(context.request(), config);
    }

    private static String field(HttpServerRequest request, String name) {
        String value = request.getFormAttribute(name);
        return value == null ? "" : value;
    }

    private static String minutes(Duration wait) {
        long minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
        return minutes == 1 ? "a minute" : minutes + " minutes";
    }

    private static void html(RoutingContext context, int status, String body) {
        pageHeaders(context.response()).setStatusCode(status).putHeader("Content-Type", "text/html; charset=utf-8")
                .end(body);
    }

    private static void redirect(RoutingContext context, String location) {
        pageHeaders(context.response()).setStatusCode(303).putHeader("Location", location).end();
    }

    static HttpServerResponse pageHeaders(HttpServerResponse response) {
        return response.putHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .putHeader("X-Frame-Options", "DENY")
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("Referrer-Policy", "same-origin")
                .putHeader("Cache-Control", "no-store");
    }

    /** Runs a page handler; a failure (the database away, say) answers a page that says so, never a stack trace. */
    private void guarded(RoutingContext context, Runnable handler) {
        try {
            handler.run();
        } catch (RuntimeException e) {
            Log.warnf("Console page failed: %s", e.getClass().getName());
            if (!context.response().ended()) {
                context.response().putHeader("Retry-After", "5");
                signIn(context, 503, "The console is unavailable for a moment. Try again shortly.", "error", "");
            }
        }
    }
}

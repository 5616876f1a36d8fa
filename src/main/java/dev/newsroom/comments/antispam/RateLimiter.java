package dev.newsroom.comments.antispam;

import dev.newsroom.comments.ratelimit.RateCounters;
import dev.newsroom.comments.web.ClientAddress;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Per-client limits for the anonymous actions a bot repeats: fetching a captcha, posting a comment
 * and reporting one. A client may use its allowance at once; once it has, it waits a minute. Past the limit
 * the answer is 429 with {@code Retry-After}, before anything is read or stored.
 *
 * <p>The client is the socket address, or, behind proxies listed in
 * {@code quarkus.http.proxy.trusted-proxies}, the address they forward; an {@code X-Forwarded-For}
 * from anyone else is ignored. Counts live in the database ({@link RateCounters}), so the limit
 * holds across every instance behind a load balancer.
 */
@ApplicationScoped
public class RateLimiter {

    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final RateLimitConfig config;
    private final RateCounters counters;
    private final Clock clock;

    RateLimiter(RateLimitConfig config, RateCounters counters, Clock clock) {
        this.config = config;
        this.counters = counters;
        this.clock = clock;
    }

    /** Runs on the worker thread of the (blocking) endpoint, since counting touches the database. */
    @ServerRequestFilter
    void limit(HttpServerRequest request) {
        if (!config.enabled()) {
            return;
        }
        String path = request.path();
        if (request.method() == HttpMethod.POST && path.startsWith("/api/v1/articles/") && path.endsWith("/comments")) {
            take("comments", request, config.submissionsPerMinute());
        } else if (request.method() == HttpMethod.POST && path.startsWith("/api/v1/comments/") && path.endsWith("/reports")) {
            take("reports", request, config.reportsPerMinute());
        } else if (request.method() == HttpMethod.GET && path.equals("/api/v1/captcha")) {
            take("captchas", request, config.captchasPerMinute());
        }
    }

    /**
     * The limits of a reader's page served outside the API (API.md §7): a form posted there is a
     * comment like one posted to the API, and the page's captcha a captcha. 429 past them.
     */
    public void limitPage(HttpServerRequest request, PageAction action) {
        if (config.enabled()) {
            switch (action) {
                case COMMENT -> take("comments", request, config.submissionsPerMinute());
                case REPORT -> take("reports", request, config.reportsPerMinute());
                case CAPTCHA -> take("captchas", request, config.captchasPerMinute());
            }
        }
    }

    /** What a reader's page does that the API limits. */
    public enum PageAction {
        COMMENT, REPORT, CAPTCHA
    }

    private void take(String what, HttpServerRequest request, int perMinute) {
        RateCounters.Tally tally = counters.hit(what + "|" + ClientAddress.of(request), perMinute, WINDOW);
        if (tally.hits() > perMinute) {
            Duration wait = Duration.between(Instant.now(clock), tally.windowEnd());
            throw new AntispamProblems.TooManySubmissions("Too many " + what + " from your address; try again later.",
                    wait.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : wait.plusSeconds(1));
        }
    }
}

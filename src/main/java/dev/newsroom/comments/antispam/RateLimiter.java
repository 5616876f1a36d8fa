package dev.newsroom.comments.antispam;

import dev.newsroom.comments.web.ClientAddress;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Per-client token buckets (Bucket4j) for the two anonymous actions a bot repeats: fetching a
 * captcha and posting a comment. Past the limit the answer is 429 with {@code Retry-After}, before
 * anything is read or stored.
 *
 * <p>The client is the socket address, or, behind proxies listed in
 * {@code quarkus.http.proxy.trusted-proxies}, the address they forward; an {@code X-Forwarded-For}
 * from anyone else is ignored. Buckets live in this instance's memory (bounded): with N instances a
 * client gets N times the limit.
 */
@ApplicationScoped
class RateLimiter {

    static final int MAX_TRACKED_CLIENTS = 100_000;

    private final RateLimitConfig config;
    private final Map<String, Bucket> submissions = new ConcurrentHashMap<>();
    private final Map<String, Bucket> captchas = new ConcurrentHashMap<>();

    RateLimiter(RateLimitConfig config) {
        this.config = config;
    }

    @ServerRequestFilter
    void limit(HttpServerRequest request) {
        if (!config.enabled()) {
            return;
        }
        String path = request.path();
        if (request.method() == HttpMethod.POST && path.startsWith("/api/v1/articles/") && path.endsWith("/comments")) {
            take(submissions, request, config.submissionsPerMinute(), "comments");
        } else if (request.method() == HttpMethod.GET && path.equals("/api/v1/captcha")) {
            take(captchas, request, config.captchasPerMinute(), "captchas");
        }
    }

    private static void take(Map<String, Bucket> buckets, HttpServerRequest request, int perMinute, String what) {
        if (buckets.size() >= MAX_TRACKED_CLIENTS) {
            buckets.values().removeIf(bucket -> bucket.getAvailableTokens() >= perMinute);
        }
        Bucket bucket = buckets.computeIfAbsent(ClientAddress.of(request), key -> Bucket.builder()
                .addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            Duration wait = Duration.ofNanos(probe.getNanosToWaitForRefill());
            throw new AntispamProblems.TooManySubmissions("Too many " + what + " from your address; try again later.",
                    wait.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : wait.plusSeconds(1));
        }
    }
}

package dev.newsroom.comments.webhook;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLException;

/**
 * Makes one attempt (API.md §6): a POST of the event's JSON with the Standard Webhooks headers,
 * through Vert.x's HTTP client, to the address {@link DestinationGuard} checked (the host name goes in
 * the Host header, SNI and the certificate check). A 2xx status within {@value #TIMEOUT_MILLIS} ms
 * delivers it; redirects are not followed; the answer's body is read and thrown away, never kept.
 * The calling thread (a virtual one) waits; no database transaction is open meanwhile.
 */
@ApplicationScoped
class WebhookSender {

    static final long TIMEOUT_MILLIS = 5_000;
    private static final String USER_AGENT = "comments-webhooks/1.0";

    private final Vertx vertx;
    private final Clock clock;
    private final HttpClient client;

    WebhookSender(Vertx vertx, Clock clock, WebhooksConfig config) {
        this.vertx = vertx;
        this.clock = clock;
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setName("webhooks")
                .setConnectTimeout((int) TIMEOUT_MILLIS)
                // Never more connections to one address than attempts in flight, so none waits for a connection.
                .setMaxPoolSize(config.maxInFlight())
                .setKeepAlive(true)
                .setKeepAliveTimeout(30)
                .setVerifyHost(true)
                .setDecompressionSupported(false));
    }

    @PreDestroy
    void close() {
        client.close();
    }

    /** What an attempt came to: delivered, or why not (a short text of ours, never the answer's body). */
    record Outcome(boolean delivered, Integer statusCode, String error) {

        static Outcome failed(String error) {
            return new Outcome(false, null, error);
        }
    }

    /** Sends {@code body} signed with every key; never throws. */
    Outcome send(Destination destination, InetAddress address, String webhookId, byte[] body, List<byte[]> keys) {
        long timestamp = clock.instant().getEpochSecond();
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setServer(SocketAddress.inetSocketAddress(new InetSocketAddress(withoutName(address), destination.port())))
                .setHost(destination.host())
                .setPort(destination.port())
                .setSsl(destination.https())
                .setURI(destination.requestUri())
                .setFollowRedirects(false)
                .setConnectTimeout(TIMEOUT_MILLIS)
                .setIdleTimeout(TIMEOUT_MILLIS)
                .putHeader("content-type", "application/json")
                .putHeader("user-agent", USER_AGENT)
                .putHeader("webhook-id", webhookId)
                .putHeader("webhook-timestamp", Long.toString(timestamp))
                .putHeader("webhook-signature", Signatures.header(webhookId, timestamp, body, keys));
        AtomicReference<HttpClientRequest> request = new AtomicReference<>();
        AtomicBoolean ended = new AtomicBoolean();
        CompletableFuture<Integer> answered = new CompletableFuture<>();
        long started = System.nanoTime();
        client.request(options)
                .compose(sent -> {
                    request.set(sent);
                    return sent.send(Buffer.buffer(body));
                })
                .onComplete(result -> {
                    if (result.failed()) {
                        answered.completeExceptionally(result.cause());
                        return;
                    }
                    HttpClientResponse response = result.result();
                    answered.complete(response.statusCode());
                    try {
                        response.exceptionHandler(ignored -> ended.set(true));
                        response.handler(ignored -> {
                            // the body is not read: only the status counts
                        });
                        response.endHandler(ignored -> ended.set(true));
                    } catch (IllegalStateException alreadyEnded) {
                        ended.set(true); // an answer without a body may end before its handlers are set
                    }
                });
        try {
            int status = answered.get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
            // An answer whose body never ends must not keep a connection busy: cut it at the deadline.
            long left = Math.max(1, TIMEOUT_MILLIS - (System.nanoTime() - started) / 1_000_000);
            vertx.setTimer(left, timer -> {
                if (!ended.get()) {
                    reset(request.get());
                }
            });
            if (status >= 200 && status < 300) {
                return new Outcome(true, status, null);
            }
            return new Outcome(false, status, status >= 300 && status < 400 ? "redirect not followed" : "not a 2xx status");
        } catch (TimeoutException e) {
            reset(request.get());
            return Outcome.failed("no answer within 5 s");
        } catch (ExecutionException e) {
            reset(request.get());
            return Outcome.failed(describe(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reset(request.get());
            return Outcome.failed("stopped: the service is shutting down");
        }
    }

    /** The address alone, without the name it was resolved from, so nothing resolves that name again. */
    private static InetAddress withoutName(InetAddress address) {
        try {
            return InetAddress.getByAddress(address.getAddress());
        } catch (UnknownHostException e) {
            throw new IllegalStateException("An address of 4 or 16 bytes is always valid", e);
        }
    }

    private static void reset(HttpClientRequest request) {
        if (request != null) {
            request.reset();
        }
    }

    /** Our words for a failure: exceptions' own messages may quote the URL, whose path can be a token. */
    static String describe(Throwable failure) {
        if (failure instanceof ConnectException) {
            return "could not connect";
        }
        if (failure instanceof SSLException) {
            return "TLS failed (certificate or handshake)";
        }
        if (failure instanceof io.netty.handler.timeout.TimeoutException || failure instanceof TimeoutException
                || failure instanceof io.vertx.core.impl.NoStackTraceTimeoutException) {
            return "no answer within 5 s";
        }
        if (failure instanceof io.vertx.core.VertxException || failure instanceof java.io.IOException) {
            return "connection failed or closed before an answer";
        }
        return "failed: " + failure.getClass().getSimpleName();
    }
}

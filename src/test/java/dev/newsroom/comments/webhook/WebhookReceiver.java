package dev.newsroom.comments.webhook;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A webhook receiver on a free loopback port, written as a receiver would write one: it checks every
 * request's signatures with the secrets it was given (not with the service's code), records what it
 * got per path, and answers as told: a sequence of statuses (500, then 200…), or not at all for a while.
 */
final class WebhookReceiver implements AutoCloseable {

    /** One request as received, with the signatures of it that verified against the receiver's secrets. */
    record Received(String id, String timestamp, String signatureHeader, String contentType, byte[] body,
            List<String> verifiedWith, Instant at, int status) {

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** The signatures in the header, in order. */
        List<String> signatures() {
            return List.of(signatureHeader.split(" "));
        }
    }

    private final HttpServer server;
    private final Map<String, List<Received>> received = new ConcurrentHashMap<>();
    private final Map<String, List<String>> secrets = new ConcurrentHashMap<>();
    private final Map<String, ConcurrentLinkedQueue<Integer>> statuses = new ConcurrentHashMap<>();
    private final Map<String, CountDownLatch> holds = new ConcurrentHashMap<>();
    private final Set<String> down = ConcurrentHashMap.newKeySet();
    private final Set<String> firstAttemptsFail = ConcurrentHashMap.newKeySet();
    private final Set<String> seenIds = ConcurrentHashMap.newKeySet();

    WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    /** The URL of a path of this receiver. */
    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** A secret the receiver accepts for requests to {@code path}. */
    void trust(String path, String secret) {
        secrets.computeIfAbsent(path, p -> new CopyOnWriteArrayList<>()).add(secret);
    }

    /** Answers the next requests to {@code path} with these statuses, then 200. */
    void answer(String path, Integer... codes) {
        statuses.computeIfAbsent(path, p -> new ConcurrentLinkedQueue<>()).addAll(List.of(codes));
    }

    /** Holds every request to {@code path} without an answer until {@link #release} (or 8 s), then answers 200. */
    void hold(String path) {
        holds.put(path, new CountDownLatch(1));
    }

    void release(String path) {
        CountDownLatch hold = holds.remove(path);
        if (hold != null) {
            hold.countDown();
        }
    }

    /** Answers every request to {@code path} with 503 until {@link #up}: an endpoint that is down. */
    void down(String path) {
        down.add(path);
    }

    void up(String path) {
        down.remove(path);
    }

    /** Answers 500 to the first request of each webhook-id at {@code path}, 200 to the next ones. */
    void failFirstAttemptOfEach(String path) {
        firstAttemptsFail.add(path);
    }

    List<Received> at(String path) {
        return List.copyOf(received.getOrDefault(path, List.of()));
    }

    /** The requests to {@code path} once there are at least {@code count}, waiting up to {@code timeout}. */
    List<Received> await(String path, int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (at(path).size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("expected " + count + " requests at " + path + ", got " + at(path).size());
            }
            Thread.sleep(20);
        }
        return at(path);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            byte[] body = exchange.getRequestBody().readAllBytes();
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
            String signature = exchange.getRequestHeaders().getFirst("webhook-signature");
            Integer status = statuses.getOrDefault(path, new ConcurrentLinkedQueue<>()).poll();
            if (down.contains(path)) {
                status = 503;
            } else if (firstAttemptsFail.contains(path) && seenIds.add(path + " " + id)) {
                status = 500;
            }
            received.computeIfAbsent(path, p -> new CopyOnWriteArrayList<>()).add(new Received(id, timestamp,
                    signature, exchange.getRequestHeaders().getFirst("Content-Type"), body,
                    verified(path, id, timestamp, signature, body), Instant.now(), status == null ? 200 : status));
            CountDownLatch hold = holds.get(path);
            if (hold != null) {
                hold.await(8, TimeUnit.SECONDS);
            }
            exchange.sendResponseHeaders(status == null ? 200 : status, -1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException senderGaveUp) {
            // a held request the service stopped waiting for
        }
    }

    /** The secrets (of those given for the path) that signed this request: what a receiver's check does. */
    private List<String> verified(String path, String id, String timestamp, String header, byte[] body) {
        List<String> verifiedWith = new ArrayList<>();
        if (id == null || timestamp == null || header == null) {
            return verifiedWith;
        }
        for (String secret : secrets.getOrDefault(path, List.of())) {
            byte[] expected = hmac(Base64.getDecoder().decode(secret.substring("whsec_".length())),
                    (id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8), body);
            for (String signature : header.split(" ")) {
                String[] parts = signature.split(",", 2);
                if (parts.length == 2 && parts[0].equals("v1")
                        && MessageDigest.isEqual(expected, Base64.getDecoder().decode(parts[1]))) {
                    verifiedWith.add(secret);
                }
            }
        }
        return verifiedWith;
    }

    private static byte[] hmac(byte[] key, byte[] prefix, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(prefix);
            return mac.doFinal(body);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        holds.values().forEach(CountDownLatch::countDown);
        server.stop(0);
    }
}

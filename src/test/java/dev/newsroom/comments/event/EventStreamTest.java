package dev.newsroom.comments.event;

import static dev.newsroom.comments.testing.Comments.aComment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsroom.comments.testing.Comments;
import dev.newsroom.comments.testing.Moderator;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** API.md §6: the event log as Server-Sent Events (the test profile's heartbeat is 1 s). */
@QuarkusTest
class EventStreamTest {

    @TestHTTPResource("/api/v1/moderation/events")
    URI events;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** An open stream: its lines, as they arrive. */
    final class Stream implements AutoCloseable {
        final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        final HttpResponse<java.util.stream.Stream<String>> response;

        Stream(String lastEventId, String query) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(events + (query == null ? "" : "?" + query)))
                    .header("Accept", "text/event-stream")
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            (Moderator.USERNAME + ":" + Moderator.PASSWORD).getBytes(StandardCharsets.UTF_8)));
            if (lastEventId != null) {
                request.header("Last-Event-ID", lastEventId);
            }
            response = client.send(request.GET().build(), HttpResponse.BodyHandlers.ofLines());
            CompletableFuture.runAsync(() -> response.body().forEach(lines::add));
        }

        /** The next event (id, type, data lines) within {@code seconds}, skipping comment lines. */
        List<String> nextEvent(int seconds) throws InterruptedException {
            List<String> fields = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (System.nanoTime() < deadline) {
                String line = lines.poll(100, TimeUnit.MILLISECONDS);
                if (line == null || line.startsWith(":")) {
                    continue;
                }
                if (line.isEmpty()) {
                    if (!fields.isEmpty()) {
                        return fields;
                    }
                    continue;
                }
                fields.add(line);
            }
            throw new AssertionError("no event within " + seconds + " s; so far " + fields);
        }

        /** Whether a comment line (heartbeat) arrives within {@code seconds}. */
        boolean heartbeatWithin(int seconds) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (System.nanoTime() < deadline) {
                String line = lines.poll(100, TimeUnit.MILLISECONDS);
                if (line != null && line.startsWith(":")) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public void close() {
            response.body().close();
        }
    }

    private static String field(List<String> event, String name) {
        return event.stream().filter(line -> line.startsWith(name + ":")).map(line -> line.substring(name.length() + 1).strip())
                .findFirst().orElseThrow(() -> new AssertionError("no " + name + " in " + event));
    }

    @Test
    void aNewEventArrivesOnAnOpenStreamWithItsIdTypeAndJson() throws Exception {
        try (Stream stream = new Stream(null, null)) {
            assertEquals(200, stream.response.statusCode());
            assertTrue(stream.response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
            String id = aComment().saying("Live!").pending();

            List<String> event = stream.nextEvent(10);
            assertEquals("comment.submitted", field(event, "event"));
            String data = field(event, "data");
            assertTrue(data.contains(id) && data.contains("Live!") && !data.contains("@example.com"), data);
            assertTrue(Long.parseLong(field(event, "id")) > 0);
        }
    }

    @Test
    void aStreamResumesAfterLastEventIdAndKeepsItselfOpenWithCommentLines() throws Exception {
        String before = EventLogTest.newestId();
        String first = aComment().saying("one").pending();
        String second = aComment().saying("two").pending();
        String third = aComment().saying("three").pending();
        String firstId = EventLogTest.eventsAfter(before, 3).stream()
                .filter(event -> first.equals(event.get("commentId"))).map(event -> (String) event.get("id"))
                .findFirst().orElseThrow(() -> new AssertionError("the first comment was not logged"));

        try (Stream stream = new Stream(firstId, "type=comment.submitted")) {
            assertTrue(field(stream.nextEvent(10), "data").contains(second));
            assertTrue(field(stream.nextEvent(10), "data").contains(third));
            assertTrue(stream.heartbeatWithin(5), "a comment line while idle");
        }
    }

    @Test
    void aClientThatStopsReadingHoldsUpNoOtherStreamAndLaterGetsEveryEventInOrder() throws Exception {
        String article = Comments.freshArticle();
        String longText = "A long comment that fills a socket quickly. ".repeat(100);
        try (StalledStream stalled = new StalledStream(); Stream reading = new Stream(null, "type=comment.submitted")) {
            List<String> posted = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                // ~4.5 KB events: 60 of them are far more than the stalled client's socket buffers take.
                String id = aComment().onArticle(article).saying(i + " " + longText).pending();
                posted.add(id);
                assertTrue(field(reading.nextEvent(10), "data").contains(id), "the reading stream is not held up");
            }
            assertEquals(posted, stalled.readCommentIds(article, posted.size(), Duration.ofSeconds(20)),
                    "the stalled stream, read at last, has every event in order");
        }
    }

    /**
     * A stream whose client reads the response headers and then nothing, with a small receive
     * buffer, so the service's writes back up: a phone that went into a tunnel.
     */
    final class StalledStream implements AutoCloseable {
        private final Socket socket = new Socket();
        private final InputStream in;

        StalledStream() throws Exception {
            socket.setReceiveBufferSize(4096);
            socket.connect(new InetSocketAddress(events.getHost(), events.getPort()), 5_000);
            String credentials = Base64.getEncoder().encodeToString(
                    (Moderator.USERNAME + ":" + Moderator.PASSWORD).getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().write(("GET " + events.getPath() + "?type=comment.submitted HTTP/1.1\r\n"
                    + "Host: " + events.getHost() + ":" + events.getPort() + "\r\n"
                    + "Accept: text/event-stream\r\nAuthorization: Basic " + credentials + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            in = socket.getInputStream();
            String status = line();
            assertTrue(status.startsWith("HTTP/1.1 200"), status);
            while (!line().isEmpty()) {
                // headers: the body is chunked
            }
        }

        /** Reads the chunked body until {@code count} comment ids of {@code article}'s events are seen, in order. */
        List<String> readCommentIds(String article, int count, Duration limit) throws Exception {
            socket.setSoTimeout((int) limit.toMillis());
            List<String> ids = new ArrayList<>();
            StringBuilder text = new StringBuilder();
            while (ids.size() < count) {
                int size = Integer.parseInt(line().strip(), 16);
                text.append(new String(in.readNBytes(size), StandardCharsets.UTF_8));
                line(); // the CRLF after a chunk
                int end;
                while ((end = text.indexOf("\n\n")) >= 0) {
                    String event = text.substring(0, end);
                    text.delete(0, end + 2);
                    for (String line : event.split("\n")) {
                        if (line.startsWith("data:") && line.contains(article)) {
                            ids.add(io.restassured.path.json.JsonPath.from(line.substring(5)).getString("commentId"));
                        }
                    }
                }
            }
            return ids;
        }

        private String line() throws Exception {
            StringBuilder line = new StringBuilder();
            for (int c; (c = in.read()) != '\n';) {
                if (c < 0) {
                    throw new AssertionError("the stream ended");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }

        @Override
        public void close() throws Exception {
            socket.close();
        }
    }

    @Test
    void aStreamNeedsCredentialsAndAValidLastEventId() throws Exception {
        HttpResponse<String> anonymous = client.send(HttpRequest.newBuilder(events).header("Accept", "text/event-stream")
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, anonymous.statusCode());
        HttpResponse<String> invalid = client.send(HttpRequest.newBuilder(events).header("Accept", "text/event-stream")
                .header("Last-Event-ID", "yesterday")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (Moderator.USERNAME + ":" + Moderator.PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, invalid.statusCode());
    }
}

package dev.newsroom.comments.event;

import static dev.newsroom.comments.testing.Comments.aComment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsroom.comments.testing.Moderator;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
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

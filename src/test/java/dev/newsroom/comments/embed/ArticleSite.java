package dev.newsroom.comments.embed;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * A news site on another origin ({@code http://127.0.0.1:<free port>}, while the service is
 * {@code http://localhost:<port>}) that embeds the comments as API.md §7 shows, under a strict
 * Content-Security-Policy: scripts only from the service, styles only from the site itself, no
 * inline anything. Started once, before Quarkus, so the test profile can allow its origin.
 *
 * <p>{@code /article?id=&service=} is the widget's page; {@code &frame=1} frames the page without
 * JavaScript instead; {@code &texts=} (JSON), {@code &theme=} and {@code &pageSize=} go to the widget's
 * element. {@code /probe.js} (the site's own script) records CSP violations and the first render.
 */
final class ArticleSite {

    private static HttpServer server;

    private ArticleSite() {
    }

    static synchronized String origin() {
        if (server == null) {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/article", ArticleSite::article);
            server.createContext("/probe.js", exchange -> send(exchange, 200, "text/javascript", PROBE, null));
            server.createContext("/site.css", exchange -> send(exchange, 200, "text/css", SITE_CSS, null));
            server.start();
        }
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The same site under a name the service does not allow: its frames must be refused. */
    static String otherName() {
        return origin().replace("127.0.0.1", "localhost");
    }

    private static final String PROBE = """
            window.__violations = [];
            document.addEventListener('securitypolicyviolation', function (e) {
              window.__violations.push(e.violatedDirective + ' ' + e.blockedURI);
            });
            document.addEventListener('comments:rendered', function () {
              window.__renderedAt = performance.now();
            });
            """;

    /** The site's own styles, hostile to anything that would take them. */
    private static final String SITE_CSS = """
            body { font-family: Georgia, serif; color: #402; margin: 2rem; }
            p { margin: 3rem 0; } h2 { font-size: 3rem; }
            button { background: rgb(0, 255, 0) !important; }
            .count, .comment { color: rgb(255, 0, 0); }
            """;

    private static void article(HttpExchange exchange) throws IOException {
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        String service = query.get("service");
        String id = escape(query.get("id"));
        String comments = "1".equals(query.get("frame"))
                ? "<iframe title=\"Comments\" src=\"" + escape(service) + "/embed/articles/" + id
                        + "\" width=\"100%\" height=\"1400\"></iframe>"
                : "<div data-comments-article=\"" + id + "\"" + attribute(query, "texts", "data-comments-texts")
                        + attribute(query, "theme", "data-comments-theme")
                        + attribute(query, "pageSize", "data-comments-page-size") + "></div>\n<script src=\"" + escape(service) + "/embed.js\" async></script>";
        String html = """
                <!DOCTYPE html>
                <html lang="%s">
                <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>A news article</title>
                <script src="/probe.js"></script>
                <link rel="stylesheet" href="/site.css"></head>
                <body><main>
                <h1>Council approves the new bridge</h1>
                <p>The city council voted on Tuesday to build a new bridge over the river.</p>
                %s
                </main></body></html>
                """.formatted(query.getOrDefault("lang", "en"), comments);
        String policy = "default-src 'none'; script-src 'self' " + service + "; connect-src " + service
                + "; style-src 'self'; img-src 'self'; frame-src " + service
                + "; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
        send(exchange, 200, "text/html; charset=utf-8", html, policy);
    }

    private static String attribute(Map<String, String> query, String parameter, String name) {
        return query.containsKey(parameter) ? " " + name + "=\"" + escape(query.get(parameter)) + "\"" : "";
    }

    private static void send(HttpExchange exchange, int status, String type, String body, String policy)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.getResponseHeaders().add("Cache-Control", "no-store");
        if (policy != null) {
            exchange.getResponseHeaders().add("Content-Security-Policy", policy);
        }
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                values.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    private static String escape(String value) {
        return value == null ? "" : value.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;")
                .replace(">", "&gt;");
    }
}

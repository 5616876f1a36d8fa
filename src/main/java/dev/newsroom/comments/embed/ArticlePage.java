package dev.newsroom.comments.embed;

import dev.newsroom.comments.comment.PublicComment;
import dev.newsroom.comments.publication.PublishedPage;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code /embed/articles/{id}} shows: one page of published comments, threaded, the count, a
 * link to the next page, an optional notice or problem, and the form (or none, when the service
 * cannot hand out a captcha). Threads are flattened in reading order; each {@link Row} says how
 * many nested lists close after it, so the template needs no recursion.
 */
record ArticlePage(String articleId, long total, List<Row> rows, String moreUrl, String notice, String problem,
        CommentForm form, String reportId, String reportError) {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm 'UTC'",
            Locale.ENGLISH).withZone(ZoneOffset.UTC);

    /** One comment in reading order; {@code closings} has one element per nested list ending after it. */
    record Row(String id, String name, String website, String bodyHtml, String createdAt, String createdAtText,
            boolean featured, boolean edited, boolean hasChildren, List<Integer> closings, String replyUrl,
            String reportUrl) {
    }

    /** The rows of {@code page}; their reply and report links stay on it ({@code cursor}, null for the first). */
    static List<Row> rows(String articleId, PublishedPage page, String cursor) {
        Map<String, PublicComment> byId = new LinkedHashMap<>();
        page.comments().forEach(c -> byId.put(c.id(), c));
        Map<String, List<PublicComment>> children = new HashMap<>();
        List<PublicComment> roots = new ArrayList<>();
        for (PublicComment comment : page.comments()) {
            // A reply whose parent is on an earlier page stands on its own here.
            if (comment.parentId() != null && byId.containsKey(comment.parentId())) {
                children.computeIfAbsent(comment.parentId(), id -> new ArrayList<>()).add(comment);
            } else {
                roots.add(comment);
            }
        }
        List<PublicComment> ordered = new ArrayList<>();
        List<Integer> depths = new ArrayList<>();
        for (PublicComment root : roots) {
            walk(root, 0, children, ordered, depths);
        }
        List<Row> rows = new ArrayList<>(ordered.size());
        for (int i = 0; i < ordered.size(); i++) {
            PublicComment c = ordered.get(i);
            int depth = depths.get(i);
            int next = i + 1 < ordered.size() ? depths.get(i + 1) : 0;
            boolean hasChildren = next > depth;
            int closings = hasChildren ? 0 : depth - next;
            String base = "/embed/articles/" + articleId + "?"
                    + (cursor == null ? "" : "cursor=" + encode(cursor) + "&");
            rows.add(new Row(c.id(), c.name(), c.website(), c.bodyHtml(), c.createdAt().toString(),
                    WHEN.format(c.createdAt()), c.featured(), c.editedAt() != null, hasChildren,
                    Collections.nCopies(closings, 0), base + "replyTo=" + encode(c.id()) + "#respond",
                    base + "report=" + encode(c.id()) + "#report"));
        }
        return rows;
    }

    private static void walk(PublicComment comment, int depth, Map<String, List<PublicComment>> children,
            List<PublicComment> ordered, List<Integer> depths) {
        ordered.add(comment);
        depths.add(depth);
        for (PublicComment child : children.getOrDefault(comment.id(), List.of())) {
            walk(child, depth + 1, children, ordered, depths);
        }
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    public String countText() {
        return total == 0 ? "No comments yet" : total == 1 ? "1 comment" : total + " comments";
    }

    public String pageUrl() {
        return "/embed/articles/" + articleId;
    }
}

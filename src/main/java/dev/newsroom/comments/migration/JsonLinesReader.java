package dev.newsroom.comments.migration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsroom.comments.comment.Comment;
import dev.newsroom.comments.comment.CommentStatus;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads this service's own export (GET /admin/exports?format=jsonl): one moderator item a line.
 * Everything the item holds about the comment comes back as it was (id, thread, status, reasons,
 * dates, decision, pick, edit time, email); what is derived (bodyHtml, author, reports) is not read.
 */
final class JsonLinesReader {

    /** A line longer than this is malformed (an item is at most a few tens of KiB). */
    static final int MAX_LINE = 1 << 20;

    private final ObjectMapper json;

    JsonLinesReader(ObjectMapper json) {
        this.json = json;
    }

    void read(InputStream in, ImportSink sink) throws IOException {
        sink.source("jsonl");
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, decoder), 1 << 16);
        StringBuilder line = new StringBuilder();
        long number = 0;
        boolean tooLong = false;
        int c;
        do {
            c = lines.read();
            if (c == '\n' || c == -1) {
                number++;
                if (tooLong) {
                    sink.malformed("line " + number, "the line is longer than " + MAX_LINE + " characters");
                } else if (!line.toString().isBlank()) {
                    item(line.toString(), "line " + number, sink);
                }
                line.setLength(0);
                tooLong = false;
            } else if (line.length() < MAX_LINE) {
                line.append((char) c);
            } else {
                tooLong = true;
            }
        } while (c != -1);
    }

    private void item(String line, String where, ImportSink sink) {
        JsonNode item;
        try {
            item = json.readTree(line);
        } catch (JsonProcessingException notJson) {
            sink.malformed(where, "not a JSON object");
            return;
        }
        if (item == null || !item.isObject()) {
            sink.malformed(where, "not a JSON object");
            return;
        }
        try {
            String id = text(item, "id");
            if (!Comment.isWellFormedId(id)) {
                throw new IllegalArgumentException("id is not a comment id");
            }
            String at = where + " (comment " + id + ")";
            String articleId = text(item, "articleId");
            if (!ImportedFields.isArticleId(articleId)) {
                throw new IllegalArgumentException("articleId is not a valid article id");
            }
            String parentId = text(item, "parentId");
            if (parentId != null && !Comment.isWellFormedId(parentId)) {
                throw new IllegalArgumentException("parentId is not a comment id");
            }
            CommentStatus status = CommentStatus.fromWireName(text(item, "status"))
                    .orElseThrow(() -> new IllegalArgumentException("status is not pending, approved, rejected or spam"));
            Instant createdAt = ImportedFields.isoDate(text(item, "createdAt"), "createdAt");
            String email = text(item, "email");
            if (email != null && ImportedFields.email(email) == null) {
                throw new IllegalArgumentException("email is not an email address");
            }
            JsonNode decision = item.path("decision");
            String name = text(item, "name");
            Comment.Imported comment = new Comment.Imported(id, articleId, null,
                    ImportedFields.name(name), ImportedFields.email(email), ImportedFields.website(text(item, "website")),
                    ImportedFields.body(text(item, "body") == null ? "" : text(item, "body")), status, reasons(item),
                    createdAt, optionalDate(item, "updatedAt"),
                    limited(decision.isObject() ? text(decision, "by") : text(item, "decidedBy"), 64),
                    decision.isObject() ? optionalDate(decision, "at") : null,
                    decision.isObject() ? limited(text(decision, "reason"), 32) : null,
                    decision.isObject() ? limited(text(decision, "note"), 500) : null,
                    item.path("featured").asBoolean(false), optionalDate(item, "editedAt"));
            sink.comment(new IncomingComment(at, id, parentId, comment));
        } catch (IllegalArgumentException malformed) {
            sink.malformed(where, malformed.getMessage());
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Instant optionalDate(JsonNode node, String field) {
        String value = text(node, field);
        return value == null ? null : ImportedFields.isoDate(value, field);
    }

    private static String limited(String value, int max) {
        if (value != null && value.length() > max) {
            throw new IllegalArgumentException("a decision's reason or note is too long");
        }
        return value;
    }

    private static List<String> reasons(JsonNode item) {
        List<String> reasons = new ArrayList<>();
        for (JsonNode reason : item.path("reasons")) {
            if (reason.isTextual() && !reason.asText().isBlank() && !reason.asText().contains("\n")) {
                reasons.add(reason.asText());
            }
        }
        return reasons;
    }
}

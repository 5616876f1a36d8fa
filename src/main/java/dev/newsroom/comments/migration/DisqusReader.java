package dev.newsroom.comments.migration;

import dev.newsroom.comments.comment.Comment;
import dev.newsroom.comments.comment.CommentStatus;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a Disqus export (https://help.disqus.com/en/articles/1717164-comments-export) as a stream:
 * {@code thread} elements become articles, {@code post} elements comments, mapped as API.md §8
 * says. Only the threads' article ids are kept in memory (posts name their thread by id).
 */
final class DisqusReader {

    private static final String INTERNALS = "http://disqus.com/disqus-internals";
    /** What import_record.original_id holds; Disqus's ids are numbers of a dozen digits. */
    private static final int MAX_ID = 200;

    private final Map<String, String> articleOfThread = new HashMap<>();

    void read(InputStream in, ImportSink sink) throws XMLStreamException {
        XMLStreamReader xml = SafeXml.reader(in);
        sink.source("disqus"); // Disqus's post ids are unique across all its sites
        int depth = 0;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
                continue;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            depth++;
            if (depth != 2) {
                continue; // threads and posts are the root's children
            }
            String where = XmlText.line(xml);
            String disqusId = xml.getAttributeValue(INTERNALS, "id");
            switch (xml.getLocalName()) {
                case "thread" -> thread(disqusId, fields(xml), where, sink);
                case "post" -> post(disqusId, fields(xml), where, sink);
                default -> XmlText.skip(xml);
            }
            depth--; // the reader is at the element's end tag
        }
    }

    private void thread(String disqusId, Map<String, String> fields, String where, ImportSink sink) {
        if (disqusId == null || disqusId.isBlank()) {
            sink.malformed("thread at " + where, "the thread has no dsq:id");
            return;
        }
        String identifier = fields.getOrDefault("id", "").strip();
        String articleId = ImportedFields.isArticleId(identifier) ? identifier : ImportedFields.linkPath(fields.get("link"));
        if (articleId != null) {
            articleOfThread.put(disqusId.strip(), articleId);
        }
    }

    private void post(String disqusId, Map<String, String> fields, String where, ImportSink sink) {
        String id = disqusId == null ? "" : disqusId.strip();
        String at = id.isEmpty() ? "post at " + where : "post " + id;
        if (id.isEmpty() || id.length() > MAX_ID) {
            sink.malformed(id.isEmpty() ? at : "post at " + where, id.isEmpty() ? "the post has no dsq:id"
                    : "the post's dsq:id is longer than " + MAX_ID + " characters");
            return;
        }
        try {
            if (flag(fields, "isDeleted", false)) {
                sink.leftOut();
                return;
            }
            String thread = fields.getOrDefault("thread@id", "").strip();
            String articleId = articleOfThread.get(thread);
            if (articleId == null) {
                sink.malformed(at, thread.isEmpty() ? "the post names no thread"
                        : "thread " + thread + " is not in the file before it, or has no valid <id> or <link>");
                return;
            }
            CommentStatus status = flag(fields, "isSpam", false) ? CommentStatus.SPAM
                    : flag(fields, "isApproved", true) ? CommentStatus.APPROVED : CommentStatus.PENDING;
            java.time.Instant created = ImportedFields.isoDate(fields.get("createdAt"), "createdAt");
            String name = fields.getOrDefault("author/name", "").isBlank() ? fields.get("author/username")
                    : fields.get("author/name");
            Comment.Imported comment = new Comment.Imported(null, articleId, null, ImportedFields.name(name),
                    ImportedFields.email(fields.get("author/email")), null,
                    ImportedFields.bodyFromHtml(fields.get("message")), status, List.of(), created, null, null, null,
                    null, null, false, null);
            String parent = fields.getOrDefault("parent@id", "").strip();
            sink.comment(new IncomingComment(at, id, parent.isEmpty() || parent.length() > MAX_ID ? null : parent,
                    comment));
        } catch (IllegalArgumentException malformed) {
            sink.malformed(at, malformed.getMessage());
        }
    }

    /** A Disqus boolean: {@code true} or {@code false}; absent is {@code otherwise}; anything else is malformed. */
    private static boolean flag(Map<String, String> fields, String name, boolean otherwise) {
        String value = fields.get(name);
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        return switch (value.strip()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(name + " is neither true nor false");
        };
    }

    /**
     * The element's fields: children by local name, grandchildren as {@code child/name}, and the
     * dsq:id of an empty child as {@code child@id} (a post's thread and parent). IP addresses are
     * not read.
     */
    private static Map<String, String> fields(XMLStreamReader xml) throws XMLStreamException {
        Map<String, String> fields = new HashMap<>();
        String child = null;
        int depth = 0;
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
                String name = xml.getLocalName();
                if (depth == 1) {
                    child = name;
                    String id = xml.getAttributeValue(INTERNALS, "id");
                    if (id != null) {
                        fields.put(name + "@id", id);
                    }
                    if (name.equals("ipAddress")) {
                        XmlText.skip(xml);
                        depth--;
                    } else if (!name.equals("author")) {
                        fields.put(name, XmlText.of(xml));
                        depth--;
                    }
                } else if (depth == 2) {
                    fields.put(child + "/" + name, XmlText.of(xml));
                    depth--;
                } else {
                    XmlText.skip(xml);
                    depth--;
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                if (depth == 0) {
                    return fields;
                }
                depth--;
            } else if (event == XMLStreamConstants.END_DOCUMENT) {
                throw new XMLStreamException("The file ends inside an element", xml.getLocation());
            }
        }
    }
}

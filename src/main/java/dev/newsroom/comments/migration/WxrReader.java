package dev.newsroom.comments.migration;

import dev.newsroom.comments.comment.Comment;
import dev.newsroom.comments.comment.CommentStatus;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a WordPress export (WXR 1.0, 1.1 and 1.2: the versions differ in the namespace URI only as
 * far as comments go) as a stream: one article per {@code item}, one comment per {@code wp:comment},
 * mapped as API.md §8 says. Nothing but the current item's identifiers is kept in memory.
 */
final class WxrReader {

    private static final String WORDPRESS_NAMESPACE = "http://wordpress.org/export/";

    private final ArticleIdFrom articleIdFrom;

    WxrReader(ArticleIdFrom articleIdFrom) {
        this.articleIdFrom = articleIdFrom;
    }

    /** Hands every comment of the file to {@code sink}; a file that is not well-formed XML ends in the exception. */
    void read(InputStream in, ImportSink sink) throws XMLStreamException {
        XMLStreamReader xml = SafeXml.reader(in);
        String baseSiteUrl = null;
        String channelLink = null;
        boolean sourceGiven = false;
        Item item = null;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT && item != null && xml.getLocalName().equals("item")
                    && !isWordPress(xml)) {
                item.finish(sink);
                item = null;
                continue;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            String name = xml.getLocalName();
            boolean wordPress = isWordPress(xml);
            if (item == null) {
                if (name.equals("item") && !wordPress) {
                    if (!sourceGiven) {
                        sink.source(source(baseSiteUrl, channelLink));
                        sourceGiven = true;
                    }
                    item = new Item(XmlText.line(xml));
                } else if (wordPress && name.equals("base_site_url")) {
                    baseSiteUrl = XmlText.of(xml).strip();
                } else if (name.equals("link") && channelLink == null
                        && (xml.getNamespaceURI() == null || xml.getNamespaceURI().isEmpty())) {
                    channelLink = XmlText.of(xml).strip();
                }
                continue;
            }
            if (wordPress && name.equals("comment")) {
                item.comment(readComment(xml), sink);
            } else if (name.equals("link") && (xml.getNamespaceURI() == null || xml.getNamespaceURI().isEmpty())) {
                item.link = XmlText.of(xml).strip();
            } else if (wordPress && name.equals("post_id")) {
                item.postId = XmlText.of(xml).strip();
            } else if (wordPress && name.equals("post_name")) {
                item.postName = XmlText.of(xml).strip();
            }
        }
        if (!sourceGiven) {
            sink.source(source(baseSiteUrl, channelLink));
        }
    }

    /** WordPress numbers comments per site: the site's address tells whose numbers they are. */
    private static String source(String baseSiteUrl, String channelLink) {
        String site = baseSiteUrl != null && !baseSiteUrl.isEmpty() ? baseSiteUrl
                : channelLink != null && !channelLink.isEmpty() ? channelLink : "";
        site = site.replaceFirst("/+$", "");
        return ("wordpress:" + site).substring(0, Math.min(300, ("wordpress:" + site).length()));
    }

    private static boolean isWordPress(XMLStreamReader xml) {
        String namespace = xml.getNamespaceURI();
        return namespace != null && namespace.startsWith(WORDPRESS_NAMESPACE);
    }

    /** A wp:comment's fields, by local name, leaving the reader at its end tag. */
    private static Map<String, String> readComment(XMLStreamReader xml) throws XMLStreamException {
        Map<String, String> fields = new HashMap<>();
        fields.put("line", XmlText.line(xml));
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                return fields;
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                String name = xml.getLocalName();
                if (name.equals("commentmeta") || name.equals("comment_author_IP") || name.equals("comment_agent")) {
                    XmlText.skip(xml); // addresses and user agents are not kept
                } else {
                    fields.put(name, XmlText.of(xml));
                }
            } else if (event == XMLStreamConstants.END_DOCUMENT) {
                throw new XMLStreamException("The file ends inside a wp:comment", xml.getLocation());
            }
        }
    }

    /** The item being read: its identifiers, and its comments met before them (rare: exports put them first). */
    private final class Item {

        private final String line;
        private String link;
        private String postId;
        private String postName;
        private final List<Map<String, String>> waiting = new ArrayList<>();

        Item(String line) {
            this.line = line;
        }

        void comment(Map<String, String> fields, ImportSink sink) {
            if (postId == null && postName == null && link == null) {
                waiting.add(fields);
            } else {
                emit(fields, sink);
            }
        }

        void finish(ImportSink sink) {
            waiting.forEach(fields -> emit(fields, sink));
            waiting.clear();
        }

        private void emit(Map<String, String> fields, ImportSink sink) {
            String commentId = fields.getOrDefault("comment_id", "").strip();
            String where = "item " + label() + ", comment " + (commentId.isEmpty() ? "at " + fields.get("line") : commentId);
            String type = fields.getOrDefault("comment_type", "").strip();
            if (!type.isEmpty() && !type.equals("comment")) {
                sink.leftOut(); // pingback, trackback, note (editorial notes), and other plugins' types
                return;
            }
            String articleId = articleId();
            if (articleId == null) {
                sink.malformed(where, "the item has no wp:post_name, wp:post_id or link that makes an article id");
                return;
            }
            if (!commentId.matches("\\d{1,19}")) {
                sink.malformed(where, "the comment has no numeric wp:comment_id");
                return;
            }
            CommentStatus status = switch (fields.getOrDefault("comment_approved", "").strip()) {
                case "1", "approve", "approved" -> CommentStatus.APPROVED;
                case "0", "hold" -> CommentStatus.PENDING;
                case "spam" -> CommentStatus.SPAM;
                case "trash", "post-trashed" -> CommentStatus.REJECTED;
                default -> null;
            };
            if (status == null) {
                sink.malformed(where, "wp:comment_approved is not 1, 0, spam or trash");
                return;
            }
            try {
                String parent = fields.getOrDefault("comment_parent", "0").strip();
                java.time.Instant created = ImportedFields.wordpressDate(fields.get("comment_date_gmt"),
                        fields.get("comment_date"));
                Comment.Imported comment = new Comment.Imported(null, articleId, null,
                        ImportedFields.name(fields.get("comment_author")),
                        ImportedFields.email(fields.get("comment_author_email")),
                        ImportedFields.website(fields.get("comment_author_url")),
                        ImportedFields.bodyFromHtml(fields.get("comment_content")), status, List.of(), created, null,
                        null, null, null, null, false, null);
                sink.comment(new IncomingComment(where, commentId,
                        parent.isEmpty() || parent.equals("0") ? null : parent, comment));
            } catch (IllegalArgumentException malformed) {
                sink.malformed(where, malformed.getMessage());
            }
        }

        private String label() {
            return postName != null && !postName.isEmpty() ? postName : postId != null ? postId : "at " + line;
        }

        /** API.md §8: the slug, the number or the link's path; a slug that is no article id becomes wp-<post_id>. */
        private String articleId() {
            String number = postId != null && postId.matches("\\d{1,19}") ? postId : ImportedFields.postIdOfLink(link);
            String fallback = number == null ? ImportedFields.linkPath(link) : "wp-" + number;
            return switch (articleIdFrom) {
                case SLUG -> ImportedFields.isArticleId(postName) ? postName : fallback;
                case ID -> number != null ? number : fallback;
                case LINK_PATH -> {
                    String path = ImportedFields.linkPath(link);
                    yield path != null ? path : fallback;
                }
            };
        }
    }
}

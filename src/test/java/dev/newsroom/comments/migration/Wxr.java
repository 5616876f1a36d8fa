package dev.newsroom.comments.migration;

/**
 * WordPress export files written the way WordPress 6's exporter writes them (src/test/resources/migration/
 * wordpress-6.xml is a real one), small enough to read in a test: {@code Wxr.site("https://x").item(...)}.
 */
final class Wxr {

    private final StringBuilder items = new StringBuilder();
    private final String site;
    private final String version;

    private Wxr(String site, String version) {
        this.site = site;
        this.version = version;
    }

    static Wxr site(String site) {
        return new Wxr(site, "1.2");
    }

    static Wxr site(String site, String version) {
        return new Wxr(site, version);
    }

    Wxr item(String slug, long postId, String link) {
        items.append("\t<item>\n\t\t<title><![CDATA[A story]]></title>\n\t\t<link>").append(link).append("</link>\n")
                .append("\t\t<wp:post_id>").append(postId).append("</wp:post_id>\n")
                .append("\t\t<wp:post_name><![CDATA[").append(slug).append("]]></wp:post_name>\n")
                .append("\t\t<wp:post_type><![CDATA[post]]></wp:post_type>\n");
        return this;
    }

    Wxr comment(long id, long parent, String approved, String author, String email, String dateGmt, String content) {
        return comment(id, parent, approved, "comment", author, email, dateGmt, content);
    }

    Wxr comment(long id, long parent, String approved, String type, String author, String email, String dateGmt,
            String content) {
        items.append("\t\t<wp:comment>\n\t\t\t<wp:comment_id>").append(id).append("</wp:comment_id>\n")
                .append("\t\t\t<wp:comment_author><![CDATA[").append(author).append("]]></wp:comment_author>\n")
                .append("\t\t\t<wp:comment_author_email><![CDATA[").append(email).append("]]></wp:comment_author_email>\n")
                .append("\t\t\t<wp:comment_author_url></wp:comment_author_url>\n")
                .append("\t\t\t<wp:comment_author_IP><![CDATA[203.0.113.9]]></wp:comment_author_IP>\n")
                .append("\t\t\t<wp:comment_date><![CDATA[").append(dateGmt).append("]]></wp:comment_date>\n")
                .append("\t\t\t<wp:comment_date_gmt><![CDATA[").append(dateGmt).append("]]></wp:comment_date_gmt>\n")
                .append("\t\t\t<wp:comment_content><![CDATA[").append(content).append("]]></wp:comment_content>\n")
                .append("\t\t\t<wp:comment_approved><![CDATA[").append(approved).append("]]></wp:comment_approved>\n")
                .append("\t\t\t<wp:comment_type><![CDATA[").append(type).append("]]></wp:comment_type>\n")
                .append("\t\t\t<wp:comment_parent>").append(parent).append("</wp:comment_parent>\n")
                .append("\t\t</wp:comment>\n");
        return this;
    }

    /** Raw text inside the current item (a broken comment, say). */
    Wxr raw(String xml) {
        items.append(xml);
        return this;
    }

    Wxr endItem() {
        items.append("\t</item>\n");
        return this;
    }

    @Override
    public String toString() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n<rss version=\"2.0\"\n"
                + "\txmlns:content=\"http://purl.org/rss/1.0/modules/content/\"\n"
                + "\txmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
                + "\txmlns:wp=\"http://wordpress.org/export/" + version + "/\">\n<channel>\n"
                + "\t<title>Test site</title>\n\t<link>" + site + "</link>\n"
                + "\t<wp:wxr_version>" + version + "</wp:wxr_version>\n"
                + "\t<wp:base_site_url>" + site + "</wp:base_site_url>\n"
                + items + "</channel>\n</rss>\n";
    }
}

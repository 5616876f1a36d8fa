package dev.newsroom.comments.migration;

import dev.newsroom.comments.comment.Text;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The fields of an imported comment as they are stored: what a reader's submission would have been
 * normalised to, with an import's tolerances (a name too long is shortened, a website that is not
 * a web address is left out) and its refusals (a text that is empty, or longer than the database holds).
 */
final class ImportedFields {

    /** The article id rule of API.md (comment.ArticleId). */
    static final Pattern ARTICLE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    /** What the comment table holds: 10,000 characters (API.md allows 5,000 by default, at most 10,000). */
    static final int MAX_BODY = 10_000;
    private static final int MAX_NAME = 100;
    private static final int MAX_WEBSITE = 200;
    private static final int MAX_EMAIL = 254;
    private static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@]+");
    private static final DateTimeFormatter WORDPRESS_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private ImportedFields() {
    }

    static boolean isArticleId(String value) {
        return value != null && ARTICLE_ID.matcher(value).matches();
    }

    /** A name: decoded once, one line, at most 100 characters; "Anonymous" when there is none. */
    static String name(String raw) {
        String name = raw == null ? "" : oneLine(CommentHtml.decode(raw));
        if (name.isEmpty()) {
            return "Anonymous";
        }
        return name.codePointCount(0, name.length()) <= MAX_NAME ? name
                : Text.strip(name.substring(0, name.offsetByCodePoints(0, MAX_NAME)));
    }

    /** An email, trimmed; null when there is none, or when it could not be one (no {@code @}, too long). */
    static String email(String raw) {
        String email = Text.strip(raw);
        if (email == null || email.isEmpty() || email.length() > MAX_EMAIL || !EMAIL.matcher(email).matches()) {
            return null;
        }
        return email;
    }

    /** A website: an http or https address of at most 200 characters, decoded once; null otherwise. */
    static String website(String raw) {
        if (raw == null) {
            return null;
        }
        String website = Text.strip(CommentHtml.decode(raw));
        if (website.isEmpty() || website.length() > MAX_WEBSITE || !website.codePoints().allMatch(c -> c > 0x20 && c != 0x7F)) {
            return null;
        }
        try {
            URI uri = new URI(website);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && uri.getUserInfo() == null
                    ? website : null;
        } catch (URISyntaxException notAnAddress) {
            return null;
        }
    }

    /**
     * A body from stored HTML, as plain text without control characters (line feeds and tabs stay).
     * Empty, or longer than {@link #MAX_BODY}: an {@link IllegalArgumentException} saying so.
     */
    static String bodyFromHtml(String html) {
        return body(CommentHtml.toText(html == null ? "" : html));
    }

    /** A body already plain text (our own export): checked as {@link #bodyFromHtml} checks. */
    static String body(String text) {
        StringBuilder kept = new StringBuilder(text.length());
        text.replace("\r\n", "\n").replace('\r', '\n').codePoints()
                .filter(c -> c == '\n' || c == '\t' || !(Character.getType(c) == Character.CONTROL || Character.getType(c) == Character.SURROGATE))
                .forEach(kept::appendCodePoint);
        String body = Text.strip(kept.toString());
        if (body.isEmpty()) {
            throw new IllegalArgumentException("the comment has no text");
        }
        if (body.codePointCount(0, body.length()) > MAX_BODY) {
            throw new IllegalArgumentException("the comment is longer than " + MAX_BODY + " characters");
        }
        return body;
    }

    /**
     * A WordPress date ({@code 2024-06-19 08:15:00}): the GMT one, or else the local one read as UTC
     * (WXR does not say the site's time zone); {@code 0000-00-00 00:00:00} is no date.
     */
    static Instant wordpressDate(String gmt, String local) {
        Instant date = wordpressDate(gmt);
        if (date == null) {
            date = wordpressDate(local);
        }
        if (date == null) {
            throw new IllegalArgumentException("the comment has no valid wp:comment_date_gmt or wp:comment_date");
        }
        return date;
    }

    private static Instant wordpressDate(String value) {
        String date = Text.strip(value);
        if (date == null || date.isEmpty() || date.startsWith("0000")) {
            return null;
        }
        try {
            return LocalDateTime.parse(date, WORDPRESS_DATE).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException notADate) {
            return null;
        }
    }

    /** An ISO-8601 time (Disqus's {@code 2013-10-10T19:20:29Z}; without an offset it is UTC), to the millisecond. */
    static Instant isoDate(String value, String field) {
        String date = Text.strip(value);
        if (date == null || date.isEmpty()) {
            throw new IllegalArgumentException("the comment has no " + field);
        }
        try {
            return OffsetDateTime.parse(date).toInstant().truncatedTo(ChronoUnit.MILLIS);
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(date).toInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
            } catch (DateTimeParseException notADate) {
                throw new IllegalArgumentException(field + " is not an ISO-8601 time");
            }
        }
    }

    /**
     * The path of a link as an article id: its segments joined by {@code :} ({@code /world/2024/putin-kim/}
     * → {@code world:2024:putin-kim}); null when the path is empty or the result is not a valid article id.
     */
    static String linkPath(String link) {
        String trimmed = Text.strip(link);
        if (trimmed == null || trimmed.isEmpty()) {
            return null;
        }
        try {
            String path = new URI(trimmed).getRawPath();
            if (path == null) {
                return null;
            }
            String joined = String.join(":", java.util.Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList());
            return isArticleId(joined) ? joined : null;
        } catch (URISyntaxException notALink) {
            return null;
        }
    }

    /** A WordPress post number from a link such as {@code https://example.com/?p=42} or {@code ?page_id=2}. */
    static String postIdOfLink(String link) {
        String trimmed = Text.strip(link);
        if (trimmed == null) {
            return null;
        }
        var matcher = Pattern.compile("[?&](?:p|page_id)=(\\d{1,20})(?:&|#|$)").matcher(trimmed);
        return matcher.find() ? matcher.group(1) : null;
    }

    /** Stripped, line breaks and other controls as spaces, runs of blanks as one space. */
    private static String oneLine(String value) {
        StringBuilder line = new StringBuilder(value.length());
        value.codePoints().forEach(c -> {
            int type = Character.getType(c);
            boolean blank = Character.isWhitespace(c) || type == Character.CONTROL || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR;
            if (type == Character.SURROGATE || (type == Character.FORMAT && c != 0x200C && c != 0x200D)) {
                return;
            }
            if (blank) {
                if (!line.isEmpty() && line.charAt(line.length() - 1) != ' ') {
                    line.append(' ');
                }
            } else {
                line.appendCodePoint(c);
            }
        });
        return Text.strip(line.toString());
    }
}

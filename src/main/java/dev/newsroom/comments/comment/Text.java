package dev.newsroom.comments.comment;

/**
 * Unicode-aware helpers for the text fields of a comment: the trimming and line-break
 * normalisation a value goes through before it is validated and stored, the same whether a reader
 * posts it (submission.CommentSubmission) or a moderator edits it (moderation.CommentEdit).
 */
public final class Text {

    /**
     * A free-text note (a moderator's or a reader's): line breaks and tabs are text; other control
     * characters (NUL, which PostgreSQL refuses, among them) are not. For {@code @Pattern}.
     */
    public static final String NO_CONTROL_CHARACTERS = "[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F]*";

    private Text() {
    }

    /**
     * Trims every kind of blank from both ends, including no-break, ideographic and zero-width
     * spaces and the Braille blank that {@link String#strip()} keeps. {@code null} stays {@code null}.
     */
    public static String strip(String value) {
        if (value == null) {
            return null;
        }
        int start = 0;
        int end = value.length();
        while (start < end && isBlank(value.codePointAt(start))) {
            start += Character.charCount(value.codePointAt(start));
        }
        while (end > start && isBlank(value.codePointBefore(end))) {
            end -= Character.charCount(value.codePointBefore(end));
        }
        return value.substring(start, end);
    }

    /** Stripped, with an empty result read as "not given" (HTML forms send empty optional fields). */
    public static String stripToNull(String value) {
        String stripped = strip(value);
        return stripped == null || stripped.isEmpty() ? null : stripped;
    }

    /** A commenter's name as stored: stripped. */
    public static String normalizedName(String value) {
        return strip(value);
    }

    /** A comment body as stored: line breaks as {@code \n}, then stripped. */
    public static String normalizedBody(String value) {
        return strip(normalizeLineBreaks(value));
    }

    /** A website as stored: stripped, and empty read as none. */
    public static String normalizedWebsite(String value) {
        return stripToNull(value);
    }

    /** Line breaks as {@code \n} only, whatever the browser sent. */
    static String normalizeLineBreaks(String value) {
        return value == null ? null : value.replace("\r\n", "\n").replace('\r', '\n');
    }

    static boolean isBlank(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)
                || codePoint == 0x200B || codePoint == 0x2060 || codePoint == 0xFEFF || codePoint == 0x2800;
    }

    /** Characters a one-line field must not contain: controls, line separators, invisible formatting, lone surrogates. */
    static boolean isForbiddenInLine(int codePoint) {
        int type = Character.getType(codePoint);
        boolean joiner = codePoint == 0x200C || codePoint == 0x200D; // needed by emoji and some scripts
        return type == Character.CONTROL || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.SURROGATE || (type == Character.FORMAT && !joiner);
    }

    /** Characters a multi-line body must not contain: controls other than line feed and tab, lone surrogates. */
    static boolean isForbiddenInBody(int codePoint) {
        int type = Character.getType(codePoint);
        return (type == Character.CONTROL && codePoint != '\n' && codePoint != '\t') || type == Character.SURROGATE;
    }
}

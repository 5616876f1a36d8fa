package dev.newsroom.comments.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * A keyset position: the sort key ({@code createdAt}, {@code id}) of the last item of a page.
 * Clients see it as an opaque base64url string and hand it back unchanged.
 */
public record Cursor(Instant createdAt, String id) {

    private static final String VERSION = "c1";
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private static final int MAX_ENCODED_LENGTH = 200;

    public String encode() {
        String plain = VERSION + "|" + createdAt.toEpochMilli() + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** The id as a number, for lists keyed by a sequence; a cursor of another list is refused. */
    public long numericId() {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw invalid();
        }
    }

    /** Decodes a cursor from a query parameter; {@code null} or blank means "first page". */
    public static Cursor decodeOrNull(String encoded) {
        if (encoded == null || encoded.isBlank()) {
            return null;
        }
        if (encoded.length() > MAX_ENCODED_LENGTH) {
            throw invalid();
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8).split("\\|", -1);
            if (parts.length != 3 || !parts[0].equals(VERSION) || !ID.matcher(parts[2]).matches()) {
                throw invalid();
            }
            return new Cursor(Instant.ofEpochMilli(Long.parseLong(parts[1])), parts[2]);
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            throw invalid();
        }
    }

    private static ProblemException invalid() {
        return ProblemException.invalidField("cursor", "must be a nextCursor value returned by this service");
    }
}

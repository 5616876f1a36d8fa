package dev.newsroom.comments.submission;

import dev.newsroom.comments.web.ProblemException;
import dev.newsroom.comments.web.StrictUtf8;
import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * An {@code application/x-www-form-urlencoded} body read strictly. The usual decoders forgive what
 * a comment service must not: they turn bytes that are not UTF-8 into U+FFFD, which would then be
 * stored as the reader's text, and they keep one of two values of a repeated field, silently. Here
 * both are a 400 naming the field, like a JSON body with invalid UTF-8 or a duplicate key.
 */
public final class FormFields {

    private FormFields() {
    }

    /**
     * The {@code known} fields by name; others are skipped (but must be well encoded too). Errors
     * name a known field only: an unknown "name" may be anything, a JSON document with an email
     * in it included.
     */
    public static Map<String, String> parse(byte[] body, Set<String> known) {
        Map<String, String> fields = new HashMap<>();
        int start = 0;
        while (start <= body.length) {
            int end = indexOf(body, (byte) '&', start);
            if (end > start) {
                int nameEnd = Math.min(indexOf(body, (byte) '=', start), end);
                String name = decode(body, start, nameEnd);
                String value = nameEnd < end ? decode(body, nameEnd + 1, end) : "";
                boolean isKnown = name != null && known.contains(name);
                if (value == null && isKnown) {
                    throw ProblemException.invalidField(name, "must be UTF-8 text in valid form encoding");
                }
                if (name == null || value == null) {
                    throw ProblemException.badRequest("The form is not valid form encoding of UTF-8 text.");
                }
                if (isKnown && fields.putIfAbsent(name, value) != null) {
                    throw ProblemException.invalidField(name, "must be sent once");
                }
            }
            start = end + 1;
        }
        return fields;
    }

    private static int indexOf(byte[] body, byte wanted, int from) {
        for (int i = from; i < body.length; i++) {
            if (body[i] == wanted) {
                return i;
            }
        }
        return body.length;
    }

    /**
     * Percent-decodes {@code body[from, to)}, {@code +} as a space, then reads the bytes as strict
     * UTF-8; {@code null} when either step fails.
     */
    private static String decode(byte[] body, int from, int to) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(to - from);
        for (int i = from; i < to; i++) {
            byte b = body[i];
            if (b == '+') {
                bytes.write(' ');
            } else if (b == '%') {
                int high = i + 2 < to ? Character.digit(body[i + 1], 16) : -1;
                int low = high >= 0 ? Character.digit(body[i + 2], 16) : -1;
                if (low < 0) {
                    return null;
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else {
                bytes.write(b);
            }
        }
        return StrictUtf8.decode(bytes.toByteArray()).orElse(null);
    }
}

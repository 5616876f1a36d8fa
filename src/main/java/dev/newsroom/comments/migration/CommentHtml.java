package dev.newsroom.comments.migration;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns the HTML that WordPress and Disqus store in a comment into the plain text our bodies hold
 * (API.md §8): tags removed, a link's URL kept after its text, paragraphs and line breaks kept,
 * character references decoded once. The XML parser has already undone the file's own escaping
 * (CDATA or entities); what is left is HTML, decoded here exactly once, so {@code &amp;lt;} in the
 * HTML becomes the text {@code &lt;}, never {@code <}.
 *
 * <p>WordPress keeps the line breaks the commenter typed as raw newlines (its display adds the
 * {@code <p>} and {@code <br>}), so raw newlines are text here, unlike in a browser.
 */
final class CommentHtml {

    /** Elements that end a paragraph: a blank line in the text. */
    private static final Set<String> PARAGRAPHS = Set.of("p", "blockquote", "pre", "ul", "ol", "table", "h1", "h2",
            "h3", "h4", "h5", "h6", "hr", "figure");
    /** Elements that end a line. */
    private static final Set<String> LINES = Set.of("div", "li", "tr", "dt", "dd", "figcaption");
    /** Elements whose content is not text for readers. */
    private static final Set<String> HIDDEN = Set.of("script", "style", "template", "head", "title");

    private static final Map<String, String> ENTITIES = Map.ofEntries(Map.entry("amp", "&"), Map.entry("lt", "<"),
            Map.entry("gt", ">"), Map.entry("quot", "\""), Map.entry("apos", "'"), Map.entry("nbsp", "\u00A0"),
            Map.entry("hellip", "…"), Map.entry("mdash", "—"), Map.entry("ndash", "–"), Map.entry("lsquo", "‘"),
            Map.entry("rsquo", "’"), Map.entry("sbquo", "‚"), Map.entry("ldquo", "“"), Map.entry("rdquo", "”"),
            Map.entry("bdquo", "„"), Map.entry("laquo", "«"), Map.entry("raquo", "»"), Map.entry("lsaquo", "‹"),
            Map.entry("rsaquo", "›"), Map.entry("copy", "©"), Map.entry("reg", "®"), Map.entry("trade", "™"),
            Map.entry("euro", "€"), Map.entry("pound", "£"), Map.entry("yen", "¥"), Map.entry("cent", "¢"),
            Map.entry("sect", "§"), Map.entry("para", "¶"), Map.entry("deg", "°"), Map.entry("plusmn", "±"),
            Map.entry("times", "×"), Map.entry("divide", "÷"), Map.entry("minus", "−"), Map.entry("middot", "·"),
            Map.entry("bull", "•"), Map.entry("prime", "′"), Map.entry("Prime", "″"), Map.entry("frac12", "½"),
            Map.entry("frac14", "¼"), Map.entry("frac34", "¾"), Map.entry("shy", "\u00AD"), Map.entry("zwj", "\u200D"),
            Map.entry("zwnj", "\u200C"), Map.entry("thinsp", "\u2009"), Map.entry("ensp", "\u2002"),
            Map.entry("emsp", "\u2003"), Map.entry("iexcl", "¡"), Map.entry("iquest", "¿"), Map.entry("uuml", "ü"),
            Map.entry("Uuml", "Ü"), Map.entry("ouml", "ö"), Map.entry("Ouml", "Ö"), Map.entry("auml", "ä"),
            Map.entry("Auml", "Ä"), Map.entry("szlig", "ß"), Map.entry("eacute", "é"), Map.entry("Eacute", "É"),
            Map.entry("egrave", "è"), Map.entry("agrave", "à"), Map.entry("aacute", "á"), Map.entry("iacute", "í"),
            Map.entry("oacute", "ó"), Map.entry("uacute", "ú"), Map.entry("ntilde", "ñ"), Map.entry("Ntilde", "Ñ"),
            Map.entry("ccedil", "ç"), Map.entry("Ccedil", "Ç"), Map.entry("ecirc", "ê"), Map.entry("acirc", "â"),
            Map.entry("ocirc", "ô"), Map.entry("icirc", "î"), Map.entry("ucirc", "û"), Map.entry("atilde", "ã"),
            Map.entry("otilde", "õ"), Map.entry("aring", "å"), Map.entry("aelig", "æ"), Map.entry("oslash", "ø"),
            Map.entry("larr", "←"), Map.entry("rarr", "→"), Map.entry("uarr", "↑"), Map.entry("darr", "↓"),
            Map.entry("hearts", "♥"), Map.entry("infin", "∞"), Map.entry("ne", "≠"), Map.entry("le", "≤"),
            Map.entry("ge", "≥"));

    private CommentHtml() {
    }

    /** The comment's text: line breaks as {@code \n}, at most one blank line in a row, no blanks at either end. */
    static String toText(String html) {
        StringBuilder text = new StringBuilder(html.length());
        String href = null;
        int linkStart = -1;
        int i = 0;
        while (i < html.length()) {
            char c = html.charAt(i);
            if (c == '<') {
                if (html.startsWith("<!--", i)) {
                    int end = html.indexOf("-->", i + 4);
                    i = end < 0 ? html.length() : end + 3;
                    continue;
                }
                Tag tag = Tag.at(html, i);
                if (tag == null) { // "a < b": text, not a tag
                    text.append(c);
                    i++;
                    continue;
                }
                i = tag.end();
                if (HIDDEN.contains(tag.name()) && !tag.closing()) {
                    int close = html.toLowerCase(Locale.ROOT).indexOf("</" + tag.name(), i);
                    int closeEnd = close < 0 ? -1 : html.indexOf('>', close);
                    i = closeEnd < 0 ? html.length() : closeEnd + 1;
                } else if (tag.name().equals("a")) {
                    if (!tag.closing()) {
                        href = tag.href();
                        linkStart = text.length();
                    } else if (href != null) {
                        appendUrl(text, linkStart, href);
                        href = null;
                    }
                } else if (PARAGRAPHS.contains(tag.name())) {
                    endLine(text, 2);
                } else if (tag.name().equals("br")) {
                    text.append('\n');
                } else if (LINES.contains(tag.name())) {
                    endLine(text, 1);
                }
            } else if (c == '&') {
                i = decodeReference(html, i, text);
            } else {
                text.append(c);
                i++;
            }
        }
        if (href != null) { // a link never closed
            appendUrl(text, linkStart, href);
        }
        return tidy(text.toString());
    }

    /** Ends the text with at least {@code breaks} line breaks (nothing at the very start). */
    private static void endLine(StringBuilder text, int breaks) {
        int have = 0;
        while (have < text.length() && text.charAt(text.length() - 1 - have) == '\n') {
            have++;
        }
        if (!text.isEmpty()) {
            text.append("\n".repeat(Math.max(0, breaks - have)));
        }
    }

    /** Text decoded once, tags left as they are: for names and websites, which WordPress stores escaped. */
    static String decode(String escaped) {
        StringBuilder text = new StringBuilder(escaped.length());
        int i = 0;
        while (i < escaped.length()) {
            if (escaped.charAt(i) == '&') {
                i = decodeReference(escaped, i, text);
            } else {
                text.append(escaped.charAt(i++));
            }
        }
        return text.toString();
    }

    /** A link's URL after its text, unless the text is the URL already. Only web links: no javascript:. */
    private static void appendUrl(StringBuilder text, int linkStart, String href) {
        String url = decode(href).strip();
        String lower = url.toLowerCase(Locale.ROOT);
        if (!(lower.startsWith("http://") || lower.startsWith("https://")) || url.chars().anyMatch(Character::isWhitespace)) {
            return;
        }
        String label = text.substring(linkStart).strip();
        if (bare(label).equals(bare(url))) {
            text.setLength(linkStart);
            text.append(url);
        } else if (label.isEmpty()) {
            text.append(url);
        } else {
            text.append(" (").append(url).append(')');
        }
    }

    /** A link without its scheme and trailing slash, to compare a link's text with its URL. */
    private static String bare(String link) {
        return link.replaceFirst("(?i)^https?://", "").replaceFirst("/$", "");
    }

    /** Appends the character of the reference at {@code start} (or the ampersand, when it is none); answers where to go on. */
    private static int decodeReference(String html, int start, StringBuilder text) {
        int semicolon = html.indexOf(';', start + 1);
        if (semicolon > start + 1 && semicolon - start <= 33) {
            String name = html.substring(start + 1, semicolon);
            if (name.startsWith("#")) {
                try {
                    int codePoint = name.length() > 1 && (name.charAt(1) == 'x' || name.charAt(1) == 'X')
                            ? Integer.parseInt(name.substring(2), 16) : Integer.parseInt(name.substring(1));
                    if (Character.isValidCodePoint(codePoint) && codePoint != 0
                            && !(codePoint >= 0xD800 && codePoint <= 0xDFFF)) {
                        text.appendCodePoint(codePoint);
                        return semicolon + 1;
                    }
                } catch (NumberFormatException notANumber) {
                    // not a reference: the ampersand is text
                }
            } else if (ENTITIES.containsKey(name)) {
                text.append(ENTITIES.get(name));
                return semicolon + 1;
            }
        }
        text.append('&');
        return start + 1;
    }

    /** Line ends without blanks before them, at most one blank line in a row, nothing blank at either end. */
    private static String tidy(String text) {
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        StringBuilder out = new StringBuilder(text.length());
        int blankRun = 0;
        for (String line : lines) {
            String kept = line.stripTrailing();
            if (kept.isBlank()) {
                blankRun++;
                continue;
            }
            if (!out.isEmpty()) {
                out.append(blankRun > 0 ? "\n\n" : "\n");
            }
            out.append(kept);
            blankRun = 0;
        }
        return out.toString();
    }

    /** A tag: its lower-case name, whether it closes, its href if any, and the index after its {@code >}. */
    private record Tag(String name, boolean closing, String href, int end) {

        static Tag at(String html, int start) {
            int i = start + 1;
            boolean closing = i < html.length() && html.charAt(i) == '/';
            if (closing) {
                i++;
            }
            int nameStart = i;
            while (i < html.length() && (Character.isLetterOrDigit(html.charAt(i)) || html.charAt(i) == '-')) {
                i++;
            }
            if (i == nameStart || !Character.isLetter(html.charAt(nameStart))) {
                return null;
            }
            String name = html.substring(nameStart, i).toLowerCase(Locale.ROOT);
            String href = null;
            char quote = 0;
            int attributesStart = i;
            while (i < html.length()) {
                char c = html.charAt(i);
                if (quote != 0) {
                    if (c == quote) {
                        quote = 0;
                    }
                } else if (c == '"' || c == '\'') {
                    quote = c;
                } else if (c == '>') {
                    break;
                }
                i++;
            }
            if (i >= html.length()) {
                return null; // no end: the "<" is text
            }
            if (name.equals("a") && !closing) {
                href = attribute(html.substring(attributesStart, i), "href");
            }
            return new Tag(name, closing, href, i + 1);
        }

        private static String attribute(String attributes, String wanted) {
            var matcher = java.util.regex.Pattern.compile("(?i)(?:^|\\s)" + wanted + "\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"'>]+))")
                    .matcher(attributes);
            if (!matcher.find()) {
                return null;
            }
            return matcher.group(1) != null ? matcher.group(1) : matcher.group(2) != null ? matcher.group(2) : matcher.group(3);
        }
    }
}

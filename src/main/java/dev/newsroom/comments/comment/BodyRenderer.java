package dev.newsroom.comments.comment;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders a plain-text comment body as HTML that is safe to insert into a page as is: every
 * character is escaped, blank lines separate paragraphs, single line breaks become {@code <br>},
 * and bare http(s) URLs become links that pass no ranking and no window reference.
 */
public final class BodyRenderer {

    static final String LINK_REL = "nofollow ugc noopener";

    private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\n[ \\t]*\\n\\s*");
    // Linear: a scheme, then a run of characters that cannot end a URL in running text.
    private static final Pattern URL = Pattern.compile("(?i)\\bhttps?://[^\\s<>\"']+");
    private static final String TRAILING_PUNCTUATION = ".,;:!?*";

    private BodyRenderer() {
    }

    public static String toHtml(String body) {
        StringBuilder html = new StringBuilder(body.length() + 16);
        String[] paragraphs = PARAGRAPH_BREAK.split(body.strip());
        for (int p = 0; p < paragraphs.length; p++) {
            if (p > 0) {
                html.append('\n');
            }
            html.append("<p>");
            String[] lines = paragraphs[p].split("\n", -1);
            for (int l = 0; l < lines.length; l++) {
                if (l > 0) {
                    html.append("<br>\n");
                }
                appendLine(html, lines[l]);
            }
            html.append("</p>");
        }
        return html.toString();
    }

    private static void appendLine(StringBuilder html, String line) {
        Matcher matcher = URL.matcher(line);
        int position = 0;
        while (matcher.find()) {
            int end = trimUrlEnd(line, matcher.start(), matcher.end());
            escape(html, line.substring(position, matcher.start()));
            String url = line.substring(matcher.start(), end);
            html.append("<a href=\"");
            escape(html, url);
            html.append("\" rel=\"").append(LINK_REL).append("\">");
            escape(html, url);
            html.append("</a>");
            position = end;
        }
        escape(html, line.substring(position));
    }

    /** Drops sentence punctuation and unbalanced closing parentheses from the end of a URL. */
    private static int trimUrlEnd(String line, int start, int end) {
        int unbalancedClosing = 0;
        for (int i = start; i < end; i++) {
            char c = line.charAt(i);
            unbalancedClosing += c == ')' ? 1 : c == '(' ? -1 : 0;
        }
        while (end > start) {
            char last = line.charAt(end - 1);
            if (TRAILING_PUNCTUATION.indexOf(last) >= 0) {
                end--;
            } else if (last == ')' && unbalancedClosing > 0) {
                unbalancedClosing--;
                end--;
            } else {
                break;
            }
        }
        return end;
    }

    private static void escape(StringBuilder html, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> html.append("&amp;");
                case '<' -> html.append("&lt;");
                case '>' -> html.append("&gt;");
                case '"' -> html.append("&quot;");
                case '\'' -> html.append("&#39;");
                default -> html.append(c);
            }
        }
    }
}

package dev.newsroom.comments.comment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BodyRendererTest {

    private static final String REL = "rel=\"nofollow ugc noopener\"";

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "First!|<p>First!</p>",
            "<script>alert(1)</script>|<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>",
            "Tom & \"Jerry\" 'n' co|<p>Tom &amp; &quot;Jerry&quot; &#39;n&#39; co</p>",
            "{{7*7}} ${7*7}|<p>{{7*7}} ${7*7}</p>" })
    void escapesEverything(String body, String html) {
        assertEquals(html, BodyRenderer.toHtml(body));
    }

    @Test
    void blankLinesSeparateParagraphsAndSingleBreaksStay() {
        assertEquals("<p>one<br>\ntwo</p>\n<p>three</p>", BodyRenderer.toHtml("one\ntwo\n\n \nthree"));
    }

    @Test
    void bareUrlsBecomeLinksThatPassNoRanking() {
        assertEquals("<p>See <a href=\"https://example.com/a?b=1&amp;c=2\" " + REL
                + ">https://example.com/a?b=1&amp;c=2</a>.</p>",
                BodyRenderer.toHtml("See https://example.com/a?b=1&c=2."));
    }

    @Test
    void parenthesesAroundAUrlStayOutsideUnlessTheyAreItsOwn() {
        assertEquals("<p>(<a href=\"http://x.test/a\" " + REL + ">http://x.test/a</a>)</p>",
                BodyRenderer.toHtml("(http://x.test/a)"));
        assertEquals("<p><a href=\"https://en.wikipedia.org/wiki/Foo_(bar)\" " + REL
                + ">https://en.wikipedia.org/wiki/Foo_(bar)</a></p>",
                BodyRenderer.toHtml("https://en.wikipedia.org/wiki/Foo_(bar)"));
    }

    @Test
    void onlyHttpUrlsAreLinked() {
        assertEquals("<p>javascript:alert(1) ftp://x.test</p>", BodyRenderer.toHtml("javascript:alert(1) ftp://x.test"));
    }

    @Test
    void quotesCannotBreakOutOfTheHrefAttribute() {
        assertEquals("<p><a href=\"https://x.test/\" " + REL + ">https://x.test/</a>&quot;onmouseover=&quot;x</p>",
                BodyRenderer.toHtml("https://x.test/\"onmouseover=\"x"));
    }

    @Test
    void hugeInputsRenderInLinearTime() {
        String hostile = "http://" + "a".repeat(5000) + " " + ")".repeat(5000) + "(".repeat(5000);
        assertTimeoutPreemptively(Duration.ofSeconds(1), () -> BodyRenderer.toHtml(hostile));
    }
}

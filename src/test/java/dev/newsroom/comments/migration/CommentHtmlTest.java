package dev.newsroom.comments.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What WordPress and Disqus stored as comment HTML, as the plain text our bodies hold. */
class CommentHtmlTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "plain text | plain text",
            "`<p>One</p><p>Two</p>` | `One\n\nTwo`",
            "`Line one<br />Line two<br>three` | `Line one\nLine two\nthree`",
            "`Typed\n\nparagraphs\nand lines` | `Typed\n\nparagraphs\nand lines`",
            "`See <a href=\"https://example.org/a?x=1&amp;y=2\" rel=\"nofollow\">this</a>.` | `See this (https://example.org/a?x=1&y=2).`",
            "`<a href=\"https://example.org/\">https://example.org/</a>` | https://example.org/",
            "`<a href=\"https://example.org/\">example.org</a>` | https://example.org/",
            "`<a href=\"javascript:alert(1)\">click</a>` | click",
            "`Fish &amp; chips &amp;amp; more` | `Fish & chips &amp; more`",
            "`&lt;b&gt;not bold&lt;/b&gt;` | `<b>not bold</b>`",
            "`&#8230; &#x2014; &hellip; &nbsp;x &unknown; & alone` | `… — … \u00A0x &unknown; & alone`",
            "`a < b and c > d` | `a < b and c > d`",
            "`<strong>bold</strong> <em>it</em> <code>x</code>` | `bold it x`",
            "`<script>alert(1)</script>kept<style>p{}</style>` | kept",
            "`<!-- hidden -->shown` | shown",
            "`<blockquote>Quoted</blockquote>Answer` | `Quoted\n\nAnswer`",
            "`<ul><li>one</li><li>two</li></ul>` | `one\ntwo`",
            "`  <p>  </p>\n\n\n\ntext   \n\n\n\nmore  ` | `text\n\nmore`",
            "`Хорошая статья — спасибо!` | `Хорошая статья — спасибо!`"
    })
    void htmlBecomesText(String html, String text) {
        assertEquals(text, CommentHtml.toText(html));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "`O&#039;Neil &amp; Sons` | `O'Neil & Sons`",
            "`Tom &amp;amp; Jerry` | `Tom &amp; Jerry`",
            "`<b>kept</b>` | `<b>kept</b>`"
    })
    void namesAreDecodedOnce(String stored, String name) {
        assertEquals(name, CommentHtml.decode(stored));
    }
}

package dev.newsroom.comments.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** API.md §8's field rules: article ids from links, dates, names, emails, websites, bodies. */
class ImportedFieldsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "https://news.example.com/world/2024/putin-kim/ | world:2024:putin-kim",
            "https://news.example.com/world/2024/putin-kim | world:2024:putin-kim",
            "http://example.tld/2014/test/?utm=x#c | 2014:test",
            "https://news.example.com/ | null",
            "https://news.example.com/?p=4 | null",
            "https://news.example.com/uncategorized/2024/%d0%bd%d0%be/ | null",
            "not a link at all | null"
    })
    void linkPathsJoinTheirSegmentsWithColons(String link, String articleId) {
        assertEquals(articleId, ImportedFields.linkPath(link));
    }

    @Test
    void postNumbersComeFromQueryLinks() {
        assertEquals("4", ImportedFields.postIdOfLink("http://example.tld/?p=4"));
        assertEquals("2", ImportedFields.postIdOfLink("https://example.com/?page_id=2"));
        assertNull(ImportedFields.postIdOfLink("https://example.com/?pp=2"));
    }

    @Test
    void wordPressDatesAreGmtOrElseLocalReadAsUtc() {
        assertEquals("2022-06-06T02:13:14Z", ImportedFields.wordpressDate("2022-06-06 02:13:14", "2022-06-06 12:13:14").toString());
        assertEquals("2022-06-06T12:13:14Z", ImportedFields.wordpressDate("0000-00-00 00:00:00", "2022-06-06 12:13:14").toString());
        assertEquals("2022-06-06T12:13:14Z", ImportedFields.wordpressDate(null, "2022-06-06 12:13:14").toString());
        assertThrows(IllegalArgumentException.class, () -> ImportedFields.wordpressDate("yesterday", ""));
        assertEquals("2013-10-10T19:20:29Z", ImportedFields.isoDate("2013-10-10T19:20:29Z", "createdAt").toString());
        assertEquals("2013-10-10T19:20:29Z", ImportedFields.isoDate("2013-10-10T19:20:29", "createdAt").toString());
        assertThrows(IllegalArgumentException.class, () -> ImportedFields.isoDate("2013-13-45", "createdAt"));
    }

    @Test
    void namesEmailsAndWebsites() {
        assertEquals("Anonymous", ImportedFields.name("  "));
        assertEquals("Ben \"the reader\" O'Neil", ImportedFields.name("Ben &quot;the reader&quot; O&#039;Neil"));
        assertEquals("One line", ImportedFields.name("One\nline"));
        assertEquals(100, ImportedFields.name("x".repeat(300)).length());
        assertEquals("test@example.org", ImportedFields.email("test@example.org\n                "));
        assertNull(ImportedFields.email(""));
        assertNull(ImportedFields.email("not-an-email"));
        assertEquals("https://ana.example/?a=1&b=2", ImportedFields.website("https://ana.example/?a=1&amp;b=2"));
        assertNull(ImportedFields.website("javascript:alert(1)"));
        assertNull(ImportedFields.website("ftp://files.example"));
        assertNull(ImportedFields.website("https://" + "x".repeat(200) + ".example"));
    }

    @Test
    void bodiesMustHaveTextAndFitTheDatabase() {
        assertEquals("ok", ImportedFields.bodyFromHtml("<p>ok</p>\u0000"));
        assertThrows(IllegalArgumentException.class, () -> ImportedFields.bodyFromHtml("<p> </p>"));
        assertThrows(IllegalArgumentException.class, () -> ImportedFields.bodyFromHtml("x".repeat(10_001)));
        assertEquals(10_000, ImportedFields.bodyFromHtml("x".repeat(10_000)).length());
    }
}

package dev.newsroom.comments.embed;

import static dev.newsroom.comments.testing.Moderator.asAdmin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.openqa.selenium.support.ui.ExpectedConditions.attributeToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.invisibilityOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import dev.newsroom.comments.testing.Browser;
import dev.newsroom.comments.testing.Captchas;
import dev.newsroom.comments.testing.Comments;
import dev.newsroom.comments.testing.Moderator;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.net.URL;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * Issue 19's whole journey in two browsers at once: a reader on an article page of another origin
 * posts, a moderator signed into the console sees the comment arrive without reloading and approves
 * it with the keyboard, and the reader's reload shows it; once with the widget, once with
 * JavaScript off on the page without it.
 */
@QuarkusTest
@TestProfile(EmbedBrowserTest.OnAnotherOrigin.class)
@Tag("browser")
class ReaderToModeratorJourneyTest {

    private static final String WIDGET = "document.querySelector('[data-comments-article]').shadowRoot";

    @TestHTTPResource("/")
    URL service;

    @Test
    void aWidgetCommentIsApprovedLiveFromTheConsoleAndTheReadersReloadShowsIt() {
        String article = Comments.freshArticle();
        try (Browser moderator = signedIntoTheConsole(); Browser reader = Browser.open()) {
            WebDriver page = reader.driver();
            page.get(ArticleSite.origin() + "/article?id=" + article + "&service=" + origin());
            reader.await().until(d -> !widgetText(d, ".question").isEmpty());
            widget(page, "#comment").sendKeys("Seen live by the desk.");
            widget(page, "#name").sendKeys("Ana Reader");
            widget(page, "#email").sendKeys("ana.journey@example.com");
            widget(page, "#answer").sendKeys(Integer.toString(Captchas.solve(widgetText(page, ".question"))));
            widget(page, "button[type=submit]").click();
            reader.await().until(d -> widgetText(d, ".notice").contains("awaiting moderation"));

            String id = approveTheNewArrival(moderator, article);

            page.navigate().refresh();
            reader.await().until(d -> widgetText(d, ".count").equals("1 comment"));
            assertEquals("Seen live by the desk.", widgetText(page, "#comment-" + id + " .body"));
        }
    }

    @Test
    void withoutJavaScriptTheSameJourneyWorksOnThePageWithoutIt() {
        String article = Comments.freshArticle();
        try (Browser moderator = signedIntoTheConsole(); Browser reader = Browser.withoutJavaScript()) {
            WebDriver page = reader.driver();
            page.get(ArticleSite.origin() + "/article?frame=1&id=" + article + "&service=" + origin());
            page.switchTo().frame(page.findElement(By.tagName("iframe")));
            page.findElement(By.id("comment")).sendKeys("Posted with scripts off.");
            page.findElement(By.id("author")).sendKeys("Cy");
            page.findElement(By.id("email")).sendKeys("cy.journey@example.com");
            page.findElement(By.id("answer")).sendKeys(Integer.toString(
                    Captchas.solve(page.findElement(By.cssSelector(".question")).getText())));
            page.findElement(By.cssSelector("button[type=submit]")).click();
            reader.await().until(textToBePresentInElementLocated(By.cssSelector(".notice"), "awaiting moderation"));

            String id = approveTheNewArrival(moderator, article);

            page.navigate().refresh();
            page.switchTo().defaultContent();
            page.switchTo().frame(page.findElement(By.tagName("iframe")));
            reader.await().until(visibilityOfElementLocated(By.id("comment-" + id)));
            assertEquals("Posted with scripts off.",
                    page.findElement(By.cssSelector("#comment-" + id + " .body")).getText());
        }
    }

    /** The console, signed in as the test moderator, with its event stream connected. */
    private Browser signedIntoTheConsole() {
        Browser browser = Browser.open();
        WebDriver console = browser.driver();
        console.get(origin() + "/console/");
        browser.await().until(visibilityOfElementLocated(By.id("username"))).sendKeys(Moderator.USERNAME);
        console.findElement(By.id("password")).sendKeys(Moderator.PASSWORD);
        console.findElement(By.cssSelector("form button[type=submit]")).click();
        // The sign-in answers with a redirect: the old page's elements go stale while it loads.
        browser.await().ignoring(StaleElementReferenceException.class)
                .until(attributeToBe(By.tagName("body"), "data-live", "on"));
        browser.await().ignoring(StaleElementReferenceException.class)
                .until(attributeToBe(By.id("main"), "data-state", "ready"));
        return browser;
    }

    /**
     * The article's one pending comment arrives on the open queue as "1 new comment"; n shows it
     * and makes it current, a approves it. Answers its id.
     */
    private static String approveTheNewArrival(Browser moderator, String article) {
        List<String> pending = asAdmin().get("/api/v1/moderation/comments?status=pending&articleId=" + article)
                .then().statusCode(200).extract().path("comments.id");
        assertEquals(1, pending.size(), "the reader's comment is held");
        String id = pending.getFirst();
        By item = By.cssSelector("li.item[data-id='" + id + "']");
        WebDriver console = moderator.driver();
        moderator.await().until(textToBePresentInElementLocated(By.cssSelector(".new-banner"), "1 new comment"));
        new Actions(console).sendKeys("n").perform();
        moderator.await().until(attributeToBe(item, "aria-current", "true"));
        new Actions(console).sendKeys("a").perform();
        moderator.await().until(invisibilityOfElementLocated(item));
        assertEquals("approved", Moderator.statusOf(id));
        return id;
    }

    private static WebElement widget(WebDriver driver, String selector) {
        return (WebElement) ((JavascriptExecutor) driver).executeScript("return " + WIDGET + ".querySelector(arguments[0])",
                selector);
    }

    private static String widgetText(WebDriver driver, String selector) {
        Object text = ((JavascriptExecutor) driver).executeScript(
                "const e = " + WIDGET + "?.querySelector(arguments[0]); return e ? e.textContent.trim() : ''", selector);
        return String.valueOf(text);
    }

    private String origin() {
        return URI.create(service.toString()).resolve("/").toString().replaceAll("/$", "");
    }
}

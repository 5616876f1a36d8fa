package dev.newsroom.comments.console;

import static dev.newsroom.comments.testing.Comments.aComment;
import static dev.newsroom.comments.testing.Comments.freshArticle;
import static dev.newsroom.comments.testing.Moderator.asAdmin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openqa.selenium.support.ui.ExpectedConditions.attributeToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.invisibilityOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import dev.newsroom.comments.testing.Accessibility;
import dev.newsroom.comments.testing.Browser;
import dev.newsroom.comments.testing.Moderator;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

/**
 * The console as a moderator uses it, in headless Chromium: sign in, watch comments arrive, decide
 * with the keyboard, bulk, the other screens, a phone-sized window; axe-core on every screen.
 * Screenshots go to target/screenshots (the README's copies live in docs/).
 */
@QuarkusTest
@Tag("browser")
class ConsoleBrowserTest {

    @TestHTTPResource("/console/")
    URL console;

    @Test
    void aCommentArrivesLiveAndIsApprovedWithTheKeyboard() {
        try (Browser browser = Browser.open()) {
            WebDriver driver = browser.driver();
            driver.get(console.toString());
            browser.await().until(visibilityOfElementLocated(By.id("username")));
            assertNoBlockingViolations(driver, "sign-in");
            browser.screenshot("console-sign-in");

            signIn(browser, Moderator.USERNAME, "a-wrong-password");
            browser.await().until(textToBePresentInElementLocated(By.id("sign-in-message"), "Wrong username or password."));
            assertEquals("admin", driver.findElement(By.id("username")).getAttribute("value"));

            signIn(browser, Moderator.USERNAME, Moderator.PASSWORD);
            awaitLive(browser);

            String article = freshArticle();
            String id = aComment().onArticle(article).by("Hostile <b>Reader</b>")
                    .saying("<script>document.title='owned'</script> Live and well.").pending();

            browser.await().until(textToBePresentInElementLocated(By.cssSelector(".new-banner"), "1 new comment"));
            press(driver, "n");
            WebElement item = browser.await().until(visibilityOfElementLocated(itemOf(id)));
            browser.await().until(attributeToBe(itemOf(id), "aria-current", "true"));
            assertTrue(item.findElement(By.cssSelector(".body")).getText().startsWith("<script>"), "rendered as text");
            assertEquals("Hostile <b>Reader</b>", item.findElement(By.cssSelector(".name")).getText());
            assertTrue(item.getText().contains("@example.com"), "moderators see the email");
            browser.screenshot("console-live");

            press(driver, "a");
            browser.await().until(invisibilityOfElementLocated(itemOf(id)));
            assertEquals("approved", Moderator.statusOf(id));
            given().when().get("/api/v1/articles/{a}/comments", article).then().statusCode(200)
                    .body("comments.id", hasItem(id));
            assertTrue(!driver.getTitle().contains("owned"));

            String junk = aComment().onArticle(article).saying("Cheap watches, click now").pending();
            browser.await().until(textToBePresentInElementLocated(By.cssSelector(".new-banner"), "1 new comment"));
            driver.findElement(By.cssSelector(".new-banner")).click();
            browser.await().until(attributeToBe(itemOf(junk), "aria-current", "true"));
            press(driver, "s");
            browser.await().until(invisibilityOfElementLocated(itemOf(junk)));
            assertEquals("spam", Moderator.statusOf(junk));

            press(driver, "?");
            browser.await().until(visibilityOfElementLocated(By.id("help")));
            assertNoBlockingViolations(driver, "help overlay");
            browser.screenshot("console-keys");
            press(driver, Keys.ESCAPE.toString());
            browser.await().until(invisibilityOfElementLocated(By.id("help")));

            driver.findElement(By.cssSelector(".account button[type=submit]")).click();
            browser.await().until(textToBePresentInElementLocated(By.id("sign-in-message"), "You have signed out."));
            driver.get(console.toString());
            browser.await().until(visibilityOfElementLocated(By.id("password")));
        }
    }

    @Test
    void rejectWithAReasonThenBulkBySelectionAndByQuery() {
        String article = freshArticle();
        String first = aComment().onArticle(article).saying("First, to be rejected.").pending();
        String second = aComment().onArticle(article).saying("Second, bulk approved.").pending();
        String third = aComment().onArticle(article).saying("Third, bulk approved.").pending();
        String byQuery = freshArticle();
        String fourth = aComment().onArticle(byQuery).saying("Fourth, rejected by query.").pending();
        String fifth = aComment().onArticle(byQuery).saying("Fifth, rejected by query.").pending();

        try (Browser browser = Browser.open()) {
            WebDriver driver = browser.driver();
            driver.get(console.toString());
            signIn(browser, Moderator.USERNAME, Moderator.PASSWORD);
            filterByArticle(browser, article);
            browser.await().until(visibilityOfElementLocated(itemOf(third)));
            browser.await().until(attributeToBe(itemOf(first), "aria-current", "true"));
            driver.findElement(itemOf(first)).click();

            press(driver, "r");
            browser.await().until(visibilityOfElementLocated(By.id("reason-dialog")));
            new Select(driver.findElement(By.id("reason-code"))).selectByValue("offensive");
            driver.findElement(By.id("reason-note")).sendKeys("Insults another reader.");
            assertNoBlockingViolations(driver, "reject dialog");
            browser.screenshot("console-reject");
            driver.findElement(By.id("reason-confirm")).click();
            browser.await().until(invisibilityOfElementLocated(itemOf(first)));
            asAdmin().when().get("/api/v1/moderation/comments/{id}", first).then()
                    .body("status", org.hamcrest.Matchers.equalTo("rejected"))
                    .body("decision.reason", org.hamcrest.Matchers.equalTo("offensive"))
                    .body("decision.note", org.hamcrest.Matchers.equalTo("Insults another reader."));

            browser.await().until(attributeToBe(itemOf(second), "aria-current", "true"));
            press(driver, "x");
            press(driver, "j");
            press(driver, "x");
            browser.await().until(textToBePresentInElementLocated(By.cssSelector(".bulk-bar"), "2 selected"));
            browser.screenshot("console-bulk");
            driver.findElement(By.cssSelector(".bulk-bar .approve")).click();
            browser.await().until(invisibilityOfElementLocated(itemOf(third)));
            assertEquals("approved", Moderator.statusOf(second));
            assertEquals("approved", Moderator.statusOf(third));

            driver.findElement(By.cssSelector(".bulk-query summary")).click();
            WebElement form = driver.findElement(By.cssSelector(".bulk-query form"));
            form.findElement(By.name("articleId")).sendKeys(byQuery);
            new Select(form.findElement(By.name("action"))).selectByValue("reject");
            new Select(form.findElement(By.name("decisionReason"))).selectByValue("spam");
            form.findElement(By.cssSelector("button[type=submit]")).click();
            browser.await().until(textToBePresentInElementLocated(By.cssSelector(".bulk-query .outcome"), "2 comments match."));
            assertEquals("pending", Moderator.statusOf(fourth), "a dry run changes nothing");
            assertNoBlockingViolations(driver, "bulk by query");
            browser.screenshot("console-bulk-by-query");
            form.findElement(By.cssSelector("button.danger")).click();
            driver.switchTo().alert().accept();
            browser.await().until(textToBePresentInElementLocated(By.cssSelector(".bulk-query .outcome"), "Applied to 2"));
            assertEquals("rejected", Moderator.statusOf(fourth));
            assertEquals("rejected", Moderator.statusOf(fifth));
        }
    }

    @Test
    void everyScreenPassesTheAccessibilityScan() {
        String article = freshArticle();
        String id = aComment().onArticle(article).by("Ana Reader").saying("Visit http://example.com twice http://example.org")
                .pending();
        String authorId = asAdmin().when().get("/api/v1/moderation/comments/{id}", id).then().extract().path("authorId");
        aComment().onArticle(article).by("Bo Critic").saying("Please moderate-me: the mayor's plan is a disgrace.").pending();
        String picked = freshArticle();
        String pick = aComment().onArticle(picked).by("Chidi").saying("The best summary of the budget I have read.")
                .approved();
        // Reported before the console opens: the reported queue counts reports filed up to a second before it asks.
        given().contentType("application/json").body(java.util.Map.of("reason", "offensive"))
                .when().post("/api/v1/comments/{id}/reports", pick).then().statusCode(202);
        try (Browser browser = Browser.open()) {
            WebDriver driver = browser.driver();
            driver.get(console.toString());
            signIn(browser, Moderator.USERNAME, Moderator.PASSWORD);
            browser.await().until(visibilityOfElementLocated(itemOf(id)));
            assertNoBlockingViolations(driver, "pending queue");
            browser.screenshot("console-queue");

            driver.get(console + "#/queue/approved");
            filterByArticle(browser, picked);
            browser.await().until(attributeToBe(itemOf(pick), "aria-current", "true"));
            driver.findElement(itemOf(pick)).click();
            press(driver, "f");
            browser.await().until(textToBePresentInElementLocated(itemOf(pick), "featured"));
            given().when().get("/api/v1/articles/{a}/comments?featured=true", picked).then().body("comments.id", hasItem(pick));

            for (String queue : List.of("reported", "spam", "approved")) {
                driver.get(console + "#/queue/" + queue);
                browser.await().until(textToBePresentInElementLocated(By.tagName("h1"),
                        Character.toUpperCase(queue.charAt(0)) + queue.substring(1)));
                browser.await().until(visibilityOfElementLocated(By.cssSelector("li.item, .empty:not([hidden])")));
                assertNoBlockingViolations(driver, queue + " queue");
                if (queue.equals("reported")) {
                    browser.await().until(textToBePresentInElementLocated(itemOf(pick), "1 report: offensive 1"));
                    browser.screenshot("console-reported");
                    WebElement keep = driver.findElement(itemOf(pick)).findElement(By.cssSelector("button.approve"));
                    assertTrue(keep.getText().startsWith("Keep, dismiss reports"), keep.getText());
                    keep.click();
                    browser.await().until(invisibilityOfElementLocated(itemOf(pick)));
                    assertEquals("approved", Moderator.statusOf(pick));
                }
            }

            driver.get(console + "#/author/" + authorId);
            browser.await().until(visibilityOfElementLocated(itemOf(id)));
            assertNoBlockingViolations(driver, "author");
            browser.screenshot("console-author");
            driver.findElement(itemOf(id)).click();
            press(driver, "e");
            WebElement body = browser.await().until(visibilityOfElementLocated(By.id("edit-body")));
            body.clear();
            body.sendKeys("Visit [link removed] twice.");
            driver.findElement(By.cssSelector("#edit-form button[value=confirm]")).click();
            browser.await().until(textToBePresentInElementLocated(itemOf(id), "[link removed]"));
            asAdmin().when().get("/api/v1/moderation/comments/{id}", id).then()
                    .body("body", org.hamcrest.Matchers.equalTo("Visit [link removed] twice."));
            new Select(driver.findElement(By.name("standing"))).selectByValue("premoderated");
            driver.findElement(By.cssSelector(".standing-form button[type=submit]")).click();
            browser.await().until(textToBePresentInElementLocated(By.cssSelector(".facts"), "premoderated"));
            asAdmin().when().get("/api/v1/moderation/authors/{a}", authorId).then()
                    .body("standing", org.hamcrest.Matchers.equalTo("premoderated"));

            driver.get(console + "#/audit");
            browser.await().until(visibilityOfElementLocated(By.cssSelector("tbody tr")));
            assertNoBlockingViolations(driver, "audit");
            browser.screenshot("console-audit");

            driver.get(console + "#/tokens");
            browser.await().until(visibilityOfElementLocated(By.name("name"))).sendKeys("newsroom-bot");
            driver.findElement(By.cssSelector("form button.primary")).click();
            String token = browser.await().until(visibilityOfElementLocated(By.cssSelector(".new-token .secret"))).getText();
            given().header("Authorization", "Bearer " + token).when().get("/api/v1/moderation/stats").then().statusCode(200);
            assertNoBlockingViolations(driver, "tokens");
            browser.screenshot("console-tokens");

            driver.get(console + "#/admin");
            browser.await().until(visibilityOfElementLocated(By.id("surge")));
            browser.await().until(visibilityOfElementLocated(By.cssSelector("tbody tr")));
            assertNoBlockingViolations(driver, "accounts and settings");
            browser.screenshot("console-admin");
        }
    }

    @Test
    void aPhoneSizedWindowKeepsTheQueueUsable() {
        aComment().saying("Seen on a phone: long words like " + "x".repeat(80) + " wrap.").pending();
        try (Browser browser = Browser.narrow()) {
            WebDriver driver = browser.driver();
            driver.get(console.toString());
            signIn(browser, Moderator.USERNAME, Moderator.PASSWORD);
            browser.await().until(visibilityOfElementLocated(By.cssSelector("li.item")));
            Object overflow = ((JavascriptExecutor) driver)
                    .executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
            assertTrue(((Number) overflow).intValue() <= 0, "no sideways scrolling, overflow " + overflow);
            assertNoBlockingViolations(driver, "narrow queue");
            browser.screenshot("console-narrow");
        }
    }

    @Test
    void changesWithoutTheTokenOrFromAnotherSiteAreRefused() {
        String id = aComment().pending();
        try (Browser browser = Browser.open()) {
            WebDriver driver = browser.driver();
            driver.get(console.toString());
            signIn(browser, Moderator.USERNAME, Moderator.PASSWORD);
            awaitLive(browser);

            Object status = ((JavascriptExecutor) driver).executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    fetch('/api/v1/moderation/comments/' + arguments[0] + '/approve', {method: 'POST'})
                        .then(r => done(r.status));
                    """, id);
            assertEquals(403L, status, "the console's own origin, but no CSRF token");

            // A page of another site posting a form at the API: the SameSite=Strict cookie stays home.
            driver.get("about:blank");
            ((JavascriptExecutor) driver).executeScript("""
                    const form = document.createElement('form');
                    form.method = 'post';
                    form.action = arguments[0];
                    document.body.append(form);
                    form.submit();
                    """, console.toString().replace("/console/", "/api/v1/moderation/comments/" + id + "/approve"));
            browser.await().until(driver1 -> driver1.getPageSource().contains("401")
                    || driver1.getPageSource().contains("403"));
            assertEquals("pending", Moderator.statusOf(id));
        }
    }

    private void signIn(Browser browser, String username, String password) {
        WebDriver driver = browser.driver();
        WebElement user = browser.await().until(visibilityOfElementLocated(By.id("username")));
        user.clear();
        user.sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        if (password.equals(Moderator.PASSWORD)) {
            browser.await().until(visibilityOfElementLocated(By.cssSelector("header.top")));
        }
    }

    private static void awaitLive(Browser browser) {
        browser.await().until(attributeToBe(By.tagName("body"), "data-live", "on"));
        browser.await().until(attributeToBe(By.id("main"), "data-state", "ready"));
    }

    private static void filterByArticle(Browser browser, String article) {
        WebElement input = browser.await().until(visibilityOfElementLocated(By.cssSelector(".toolbar .filter input")));
        input.sendKeys(article, Keys.ENTER);
    }

    private static void press(WebDriver driver, String key) {
        new Actions(driver).sendKeys(key).perform();
    }

    private static By itemOf(String id) {
        return By.cssSelector("li.item[data-id='" + id + "']");
    }

    private static void assertNoBlockingViolations(WebDriver driver, String screen) {
        List<Accessibility.Violation> violations = Accessibility.scan(driver);
        System.out.println("axe " + screen + ": " + violations.size() + " violation(s) "
                + violations.stream().map(v -> v.rule() + "/" + v.impact()).toList());
        assertEquals(List.of(), violations.stream().filter(Accessibility.Violation::blocking).toList(),
                "serious or critical accessibility violations on " + screen);
    }
}

package dev.newsroom.comments.embed;

import static dev.newsroom.comments.testing.Moderator.asAdmin;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsroom.comments.testing.Accessibility;
import dev.newsroom.comments.testing.Browser;
import dev.newsroom.comments.testing.Captchas;
import dev.newsroom.comments.testing.Comments;
import dev.newsroom.comments.testing.Moderator;
import dev.newsroom.comments.testing.TestDatabase;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

/**
 * The widget and the page without JavaScript in a real Chromium, as readers meet them: on an
 * article page of another origin ({@link ArticleSite}) under a strict Content-Security-Policy.
 */
@QuarkusTest
@TestProfile(EmbedBrowserTest.OnAnotherOrigin.class)
@Tag("browser")
class EmbedBrowserTest {

    /** The article site's origin is the one allowed origin; it runs before Quarkus starts. */
    public static class OnAnotherOrigin implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new java.util.HashMap<>(TestDatabase.isolated("embed-browser"));
            config.put("comments.allowed-origins", ArticleSite.origin());
            return config;
        }
    }

    private static final String HOST = "document.querySelector('[data-comments-article]')";

    @TestHTTPResource("/")
    URL service;

    @Test
    void aReaderPostsThroughTheWidgetSeesItAwaitModerationAndFindsItPublishedAfterApproval() {
        String article = Comments.freshArticle();
        try (Browser browser = Browser.open()) {
            ChromeDriver driver = open(browser, article, "");
            assertThat(text(driver, ".count"), equalTo("No comments yet"));
            String form = text(driver, ".respond");
            for (String seed : List.of("Leave a Reply", "Your email address will not be published.",
                    "Required fields are marked *", "Comment *", "Name *", "Email *", "Website", "Post Comment",
                    "Save my name, email, and website in this browser for the next time I comment.")) {
                assertThat(form, containsString(seed));
            }
            assertThat(text(driver, ".question"), org.hamcrest.Matchers.matchesPattern("\\S+ [+−×] \\S+ ="));
            // Styles applied under style-src 'self' (a constructed sheet), and the site's own do not get in.
            assertThat(style(driver, "button[type=submit]", "backgroundColor"),
                    equalTo("rgb(29, 95, 168)"));
            assertAccessible(driver, "widget, no comments yet");
            browser.screenshot("embed-widget-empty");

            fill(driver, "comment", "The bridge is long overdue.\n\nWell done, council.");
            fill(driver, "name", "Ana Reader");
            fill(driver, "email", "ana.widget@example.com");
            fill(driver, "website", "https://ana.example.org/");
            shadow(driver, "#save").click();
            answerCaptcha(driver);
            shadow(driver, "button[type=submit]").click();
            browser.await().until(d -> text(d, ".notice").contains("awaiting moderation"));
            assertThat(text(driver, ".pending .awaiting"), equalTo("Your comment is awaiting moderation."));
            assertThat(text(driver, ".notice"), equalTo("Thank you! Your comment is awaiting moderation."));
            assertThat(String.valueOf(js(driver, "return localStorage.getItem('comments.author')")), containsString("ana.widget@example.com"));
            assertThat(String.valueOf(js(driver, "return document.cookie")), equalTo(""));
            assertThat(driver.manage().getCookies(), empty());

            String id = onlyPending(article);
            Moderator.approve(id);
            driver.navigate().refresh();
            awaitRendered(browser);
            assertThat(text(driver, ".count"), equalTo("1 comment"));
            assertThat(text(driver, "#comment-" + id + " .body"), equalTo("The bridge is long overdue.\n\nWell done, council."));
            assertThat(value(driver, "name"), equalTo("Ana Reader"));
            assertThat(value(driver, "email"), equalTo("ana.widget@example.com"));
            assertNoForeignRequestsNorViolations(driver);
            assertAccessible(driver, "widget with a published comment");
            browser.screenshot("embed-widget");
        }
    }

    @Test
    void aReaderWithOnlyAKeyboardPostsInTheFormsOrderAndThePageKeepsTheHoneypotOutOfIt() {
        String article = Comments.freshArticle();
        try (Browser browser = Browser.open()) {
            ChromeDriver driver = open(browser, article, "");
            String answer = Integer.toString(Captchas.solve(text(driver, ".question")));
            Actions keyboard = new Actions(driver);
            keyboard.sendKeys(Keys.TAB).perform();
            assertThat(focused(driver), equalTo("comment"));
            keyboard.sendKeys("Typed, never clicked.").sendKeys(Keys.TAB).sendKeys("Kay").sendKeys(Keys.TAB)
                    .sendKeys("kay@example.com").sendKeys(Keys.TAB).sendKeys(Keys.TAB).perform();
            assertThat(focused(driver), equalTo("answer"));
            keyboard.sendKeys(answer).sendKeys(Keys.TAB).perform();
            assertThat(focused(driver), equalTo("save"));
            keyboard.sendKeys(Keys.SPACE).sendKeys(Keys.TAB).perform();
            assertThat(String.valueOf(js(driver, "return " + HOST + ".shadowRoot.activeElement.type")), equalTo("submit"));
            keyboard.sendKeys(Keys.ENTER).perform();
            browser.await().until(d -> text(d, ".notice").contains("awaiting moderation"));
            assertThat(text(driver, ".pending .body"), equalTo("Typed, never clicked."));
            assertThat(String.valueOf(js(driver, "return localStorage.getItem('comments.author')")), containsString("Kay"));
        }
    }

    @Test
    void errorsAppearAtTheirFieldsAndAreAnnouncedAndEachAttemptGetsAFreshCaptcha() {
        String article = Comments.freshArticle();
        try (Browser browser = Browser.open()) {
            ChromeDriver driver = open(browser, article, "");
            fill(driver, "comment", "No email given.");
            fill(driver, "name", "Bo");
            answerCaptcha(driver);
            shadow(driver, "button[type=submit]").click();
            browser.await().until(d -> !text(d, "#email-error").isEmpty());
            assertThat(text(driver, "#email-error"), equalTo("Email is required."));
            assertThat(attribute(driver, "#email", "aria-invalid"), equalTo("true"));
            assertThat(attribute(driver, "#email", "aria-describedby"), containsString("email-error"));
            assertThat(text(driver, "[role=alert]"), containsString("Please correct the fields marked below."));
            assertThat(focused(driver), equalTo("email"));
            assertThat(value(driver, "answer"), equalTo(""));

            fill(driver, "email", "bo@example.com");
            fill(driver, "answer", "101");
            shadow(driver, "button[type=submit]").click();
            browser.await().until(d -> !text(d, "#answer-error").isEmpty());
            assertThat(text(driver, "#answer-error"), equalTo("That answer is not right. Please answer the new question."));
            assertThat(text(driver, "#email-error"), equalTo(""));
            assertThat(attribute(driver, "#answer", "aria-invalid"), equalTo("true"));
            assertThat(value(driver, "comment"), equalTo("No email given."));
            // One captcha for the form, then a fresh one after each of the two attempts.
            browser.await().until(d -> Long.valueOf(3).equals(js(d,
                    "return performance.getEntriesByType('resource').filter(e => e.name.endsWith('/api/v1/captcha')).length")));
            assertAccessible(driver, "widget with errors at fields");
            fullPage(browser, "embed-widget-errors");
        }
    }

    @Test
    void aReplyNestsUnderItsParentAndAReportIsReceived() {
        String article = Comments.freshArticle();
        String parent = Comments.aComment().onArticle(article).by("Ana").saying("Who pays for it?").approved();
        try (Browser browser = Browser.open()) {
            ChromeDriver driver = open(browser, article, "");
            shadow(driver, "#comment-" + parent + " .actions button").click();
            assertThat(text(driver, "#reply-title"), startsWith("Leave a Reply to Ana"));
            assertThat(focused(driver), equalTo("comment"));
            fill(driver, "comment", "The region does.");
            fill(driver, "name", "Bo");
            fill(driver, "email", "bo.reply@example.com");
            answerCaptcha(driver);
            shadow(driver, "button[type=submit]").click();
            browser.await().until(d -> text(d, ".notice").contains("awaiting moderation"));
            assertTrue(exists(driver, "#comment-" + parent
                    + " > .children > .pending"));
            String reply = onlyPending(article);
            Moderator.approve(reply);

            List<WebElement> actions = shadowAll(driver, "#comment-" + parent + " > .item .actions button");
            actions.get(1).click();
            shadow(driver, ".report input[value=offensive]").click();
            shadow(driver, ".report button[type=submit]").click();
            browser.await().until(d -> text(d, "#comment-" + parent + " > .item").contains("A moderator will look at it."));
            // The reported queue lists reports a second old and more (one may still be committing).
            browser.await().until(d -> parent.equals(asAdmin().get("/api/v1/moderation/comments?reported=true&articleId="
                    + article).then().statusCode(200).extract().path("comments[0].id")));
            asAdmin().get("/api/v1/moderation/comments?reported=true&articleId=" + article).then()
                    .body("comments[0].reports.reasons.offensive", equalTo(1));

            driver.navigate().refresh();
            awaitRendered(browser);
            assertTrue(exists(driver, "#comment-" + parent
                    + " > .children > #comment-" + reply + ""));
            assertAccessible(driver, "widget after a reply and a report");
        }
    }

    @Test
    void aPublishedCommentAppearsAtOnce() {
        String article = Comments.freshArticle();
        String email = "trusted." + System.nanoTime() + "@example.com";
        String first = Comments.aComment().onArticle(article).withEmail(email).approved();
        String author = asAdmin().get("/api/v1/moderation/comments/{id}", first).then().extract().path("authorId");
        asAdmin().contentType(ContentType.JSON).body(Map.of("standing", "trusted"))
                .put("/api/v1/moderation/authors/{id}/standing", author).then().statusCode(200);
        try (Browser browser = Browser.open()) {
            ChromeDriver driver = open(browser, article, "");
            assertThat(text(driver, ".count"), equalTo("1 comment"));
            fill(driver, "comment", "Published at once.");
            fill(driver, "name", "Trusted Reader");
            fill(driver, "email", email);
            answerCaptcha(driver);
            shadow(driver, "button[type=submit]").click();
            browser.await().until(d -> text(d, ".notice").contains("published"));
            assertThat(text(driver, ".count"), equalTo("2 comments"));
            assertThat(text(driver, ".list"), containsString("Published at once."));
            assertThat(count(driver, ".pending"), equalTo(0L));
        }
    }

    @Test
    void hostileCommentTextIsRenderedAsText() {
        String article = Comments.freshArticle();
        String hostile = "<img src=x onerror=\"window.__pwned=1\"><script>window.__pwned=2</script> https://ok.example/x\"onmouseover=alert(1)";
        Comments.aComment().onArticle(article).by("<b onclick=alert(1)>Mallory</b>").saying(hostile).approved();
        try (Browser browser = Browser.open()) {
            ChromeDriver driver = open(browser, article, "");
            assertThat(text(driver, ".list .body"), equalTo(hostile));
            assertThat(text(driver, ".list .author"), equalTo("<b onclick=alert(1)>Mallory</b>"));
            assertThat(count(driver, ".list img, .list script, .list b"), equalTo(0L));
            assertThat(String.valueOf(js(driver, "return window.__pwned === undefined")), equalTo("true"));
            assertThat(attribute(driver, ".list .body a", "href"),
                    equalTo("https://ok.example/x"));
        }
        try (Browser browser = Browser.withoutJavaScript()) {
            browser.driver().get(service + "embed/articles/" + article);
            assertThat(browser.driver().findElement(By.cssSelector(".list .body")).getText(), equalTo(hostile));
            assertThat(browser.driver().findElements(By.cssSelector(".list img, .list script")), empty());
        }
    }

    @Test
    void tooManyRequestsAndAnUnavailableServiceGetHumanMessages() {
        String article = Comments.freshArticle();
        try (Browser browser = Browser.open()) {
            ChromeDriver driver = open(browser, article, "");
            stubPosts(driver, 429, "{\"Retry-After\": \"42\"}");
            fillValid(driver, "Too fast");
            shadow(driver, "button[type=submit]").click();
            browser.await().until(d -> !text(d, "[role=alert]").isEmpty());
            assertThat(text(driver, "[role=alert]"), equalTo("You are posting too quickly. Please wait 42 seconds and try again."));
            assertThat(value(driver, "comment"), equalTo("Too fast"));

            stubPosts(driver, 503, "{\"Retry-After\": \"5\"}");
            answerCaptcha(driver);
            shadow(driver, "button[type=submit]").click();
            browser.await().until(d -> text(d, "[role=alert]").contains("unavailable"));
            assertThat(text(driver, "[role=alert]"), equalTo("Comments are unavailable for a moment. Please try again shortly."));
            browser.screenshot("embed-widget-503");
        }
    }

    @Test
    void anotherLanguageADarkThemeAndANarrowWindow() {
        String article = Comments.freshArticle();
        String first = Comments.aComment().onArticle(article).by("Ana").saying("Endlich!").approved();
        String texts = """
                {"lang":"de","title":"Schreibe einen Kommentar","emailNote":"Deine E-Mail-Adresse wird nicht veröffentlicht.",
                 "requiredNote":"Erforderliche Felder sind mit * markiert","comment":"Kommentar","name":"Name","email":"E-Mail",
                 "website":"Website","submit":"Kommentar abschicken","count":{"one":"{n} Kommentar","other":"{n} Kommentare"},
                 "reply":"Antworten","report":"Melden",
                 "save":"Meinen Namen, meine E-Mail-Adresse und meine Website in diesem Browser speichern, bis ich wieder kommentiere."}""";
        try (Browser browser = Browser.narrow()) {
            ChromeDriver driver = open(browser, article, "&lang=de&theme=dark&texts=" + encode(texts));
            assertThat(text(driver, ".count"), equalTo("1 Kommentar"));
            assertThat(text(driver, "#reply-title"), startsWith("Schreibe einen Kommentar"));
            assertThat(text(driver, "button[type=submit]"), equalTo("Kommentar abschicken"));
            assertThat(text(driver, ".notes"), containsString("Erforderliche Felder sind mit * markiert"));
            assertThat(text(driver, ".list .actions"), containsString("Antworten"));
            assertThat((Long) js(driver, "const h = " + HOST + "; return h.scrollWidth - h.clientWidth"), lessThanOrEqualTo(0L));
            assertThat((Long) js(driver, "return document.documentElement.scrollWidth - window.innerWidth"), lessThanOrEqualTo(0L));
            assertAccessible(driver, "widget in German, dark, 390 px");
            fullPage(browser, "embed-widget-narrow-dark-de");
        }
        String pick = Comments.aComment().onArticle(article).by("Marta Okafor").saying("""
                I cross that river every day. The ferry takes forty minutes in winter; a bridge would take five.

                The council's report is worth reading: https://news.example.com/bridge-report.""").approved();
        asAdmin().post("/api/v1/moderation/comments/{id}/feature", pick).then().statusCode(200);
        Comments.aComment().onArticle(article).by("Bo").saying("Who maintains it, though?").replyingTo(pick).approved();
        Comments.aComment().onArticle(article).by("Ana").saying("The region, says page 12.").replyingTo(first).approved();
        for (String theme : List.of("light", "dark")) {
            try (Browser browser = Browser.open()) {
                ChromeDriver driver = open(browser, article, "&theme=" + theme);
                assertThat(text(driver, ".featured .badge"), equalTo("Editors’ pick"));
                assertAccessible(driver, "widget " + theme + " with picks and replies");
                fullPage(browser, "embed-widget-" + theme);
            }
        }
    }

    @Test
    void withoutJavaScriptTheFramedPagePostsAndShowsErrorsAtTheirFields() {
        String article = Comments.freshArticle();
        try (Browser browser = Browser.withoutJavaScript()) {
            WebDriver driver = browser.driver();
            driver.get(ArticleSite.origin() + "/article?frame=1&id=" + article + "&service=" + origin());
            driver.switchTo().frame(driver.findElement(By.tagName("iframe")));
            assertThat(driver.findElement(By.id("reply-title")).getText(), equalTo("Leave a Reply"));
            driver.findElement(By.id("comment")).sendKeys("Without scripts.");
            driver.findElement(By.id("author")).sendKeys("Cy");
            driver.findElement(By.id("url")).sendKeys("https://cy.example.org/");
            driver.findElement(By.id("answer")).sendKeys("101");
            driver.findElement(By.cssSelector("button[type=submit]")).click();
            awaitElement(browser, By.id("email-error"));
            assertThat(driver.findElement(By.id("email-error")).getText(), equalTo("Email is required."));
            assertThat(driver.findElement(By.id("email")).getAttribute("aria-invalid"), equalTo("true"));
            assertThat(driver.findElement(By.id("comment")).getAttribute("value"), equalTo("Without scripts."));
            assertThat(driver.findElement(By.id("url")).getAttribute("value"), equalTo("https://cy.example.org/"));
            fullPage(browser, "embed-page-errors");

            driver.findElement(By.id("email")).sendKeys("cy@example.com");
            driver.findElement(By.id("answer")).sendKeys("101");
            driver.findElement(By.cssSelector("button[type=submit]")).click();
            awaitElement(browser, By.id("answer-error"));
            assertThat(driver.findElement(By.id("answer-error")).getText(),
                    equalTo("That answer is not right. Please answer the new question."));
            assertThat(driver.findElement(By.id("email")).getAttribute("value"), equalTo(""));

            driver.findElement(By.id("email")).sendKeys("cy@example.com");
            driver.findElement(By.id("answer")).sendKeys(Integer.toString(Captchas.solve(
                    driver.findElement(By.cssSelector(".question")).getText())));
            driver.findElement(By.cssSelector("button[type=submit]")).click();
            awaitElement(browser, By.cssSelector(".notice"));
            assertThat(driver.findElement(By.cssSelector(".notice")).getText(),
                    equalTo("Thank you! Your comment is awaiting moderation."));
            String id = onlyPending(article);
            Moderator.approve(id);
            driver.navigate().refresh();
            driver.switchTo().defaultContent();
            driver.switchTo().frame(driver.findElement(By.tagName("iframe")));
            assertThat(driver.findElement(By.cssSelector("#comment-" + id + " .body")).getText(), equalTo("Without scripts."));

            driver.findElement(By.cssSelector("#comment-" + id + " .actions a")).click();
            awaitElement(browser, By.cssSelector("input[name=parentId]"));
            assertThat(driver.findElement(By.id("reply-title")).getText(), startsWith("Leave a Reply to Cy"));
            driver.findElement(By.id("comment")).sendKeys("A reply without scripts.");
            driver.findElement(By.id("author")).sendKeys("Di");
            driver.findElement(By.id("email")).sendKeys("di@example.com");
            driver.findElement(By.id("answer")).sendKeys(Integer.toString(Captchas.solve(
                    driver.findElement(By.cssSelector(".question")).getText())));
            driver.findElement(By.cssSelector("button[type=submit]")).click();
            awaitElement(browser, By.cssSelector(".notice"));
            assertThat(driver.findElement(By.cssSelector(".notice")).getText(), containsString("awaiting moderation"));
            asAdmin().get("/api/v1/moderation/comments?status=pending&articleId=" + article).then()
                    .body("comments[0].parentId", equalTo(id));
        }
        try (Browser browser = Browser.withoutJavaScript()) {
            // The same site under a name that is not allowed may not frame the page.
            browser.driver().get(ArticleSite.otherName() + "/article?frame=1&id=" + article + "&service=" + origin());
            browser.driver().switchTo().frame(browser.driver().findElement(By.tagName("iframe")));
            assertThat(browser.driver().findElements(By.id("reply-title")), empty());
        }
    }

    /** axe runs as a script, so the page without JavaScript is scanned in a browser that has it (the page has none). */
    @Test
    void thePageWithoutJavaScriptHasNoSeriousAccessibilityViolations() {
        String article = Comments.freshArticle();
        String parent = Comments.aComment().onArticle(article).by("Ana").saying("Who pays for it?").approved();
        Comments.aComment().onArticle(article).by("Bo").saying("The region does.").replyingTo(parent).approved();
        try (Browser browser = Browser.open()) {
            WebDriver driver = browser.driver();
            driver.get(origin() + "/embed/articles/" + article);
            assertThat(driver.findElement(By.cssSelector(".count")).getText(), equalTo("2 comments"));
            assertAccessible(driver, "page without JavaScript");
            fullPage(browser, "embed-page");
            driver.findElement(By.id("author")).sendKeys("Cy");
            driver.findElement(By.id("answer")).sendKeys("101");
            driver.findElement(By.cssSelector("button[type=submit]")).click();
            awaitElement(browser, By.id("comment-error"));
            assertThat(driver.findElement(By.id("comment-error")).getText(), equalTo("Comment is required."));
            assertAccessible(driver, "page with errors at fields");
            driver.get(origin() + "/embed/articles/" + article + "?report=" + parent + "#report");
            assertAccessible(driver, "page with the report form");
        }
    }

    @Test
    void firstRenderOfTwoHundredComments() {
        String article = Comments.freshArticle();
        for (int i = 0; i < 200; i++) {
            Comments.aComment().onArticle(article).by("Reader " + i).saying("Comment number " + i + " on the bridge.")
                    .pending();
        }
        asAdmin().contentType(ContentType.JSON)
                .body(Map.of("filter", Map.of("status", "pending", "articleId", article), "action", "approve"))
                .post("/api/v1/moderation/comments/bulk-by-filter").then().statusCode(200);
        for (String pageSize : List.of("50", "200")) {
            try (Browser browser = Browser.open()) {
                ChromeDriver driver = open(browser, article, "&pageSize=" + pageSize);
                assertThat(text(driver, ".count"), equalTo("200 comments"));
                long shown = count(driver, ".list .comment");
                assertThat(shown, equalTo(Long.parseLong(pageSize)));
                Object rendered = js(driver, "return window.__renderedAt");
                Object response = js(driver, "return performance.getEntriesByType('navigation')[0].responseEnd");
                System.out.printf("First render of a 200-comment article, %s a page: %.0f ms after navigation start "
                        + "(article page received at %.0f ms)%n", pageSize, ((Number) rendered).doubleValue(),
                        ((Number) response).doubleValue());
                if (pageSize.equals("50")) {
                    shadow(driver, ".more button").click();
                    browser.await().until(d -> count(d, ".list .comment") == 100L);
                }
            }
        }
    }

    // --- helpers -------------------------------------------------------------------------------

    /** A screenshot of the whole page (the window made as tall as the page), for the README. */
    private static void fullPage(Browser browser, String name) {
        long height = (Long) js(browser.driver(), "return document.documentElement.scrollHeight");
        org.openqa.selenium.Dimension size = browser.driver().manage().window().getSize();
        browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(size.getWidth(),
                (int) Math.min(2400, height + (size.getHeight() - ((Long) js(browser.driver(), "return window.innerHeight")).intValue()))));
        browser.screenshot(name);
        browser.driver().manage().window().setSize(size);
    }

    private String origin() {
        return URI.create(service.toString()).resolve("/").toString().replaceAll("/$", "");
    }

    private ChromeDriver open(Browser browser, String article, String extra) {
        browser.driver().get(ArticleSite.origin() + "/article?id=" + article + "&service=" + encode(origin()) + extra);
        awaitRendered(browser);
        return browser.driver();
    }

    private static void awaitRendered(Browser browser) {
        browser.await().until(d -> Boolean.TRUE.equals(js(d, "const h = " + HOST
                + "; return !!(h && h.shadowRoot && h.shadowRoot.querySelector('.comments') && window.__renderedAt)")));
        browser.await().until(d -> !text(d, ".question").isEmpty());
    }

    private static Object js(WebDriver driver, String script) {
        return ((ChromeDriver) driver).executeScript(script);
    }

    private static String text(WebDriver driver, String selector) {
        Object text = js(driver, "const e = " + HOST + ".shadowRoot.querySelector(\"" + selector
                + "\"); return e ? e.innerText.trim() : null");
        return text == null ? "" : (String) text;
    }

    /** A form post or link in a frame may still be loading when click() returns: wait for what it brings. */
    private static void awaitElement(Browser browser, By locator) {
        browser.await().until(d -> !d.findElements(locator).isEmpty());
    }

    /** Runs axe-core, prints what it found (every impact) and refuses serious or critical violations. */
    private static void assertAccessible(WebDriver driver, String screen) {
        List<Accessibility.Violation> found = Accessibility.scan(driver);
        System.out.printf("axe-core, %s: %d violations %s%n", screen, found.size(),
                found.stream().map(v -> v.rule() + " (" + v.impact() + ")").toList());
        assertThat(found.stream().filter(Accessibility.Violation::blocking).toList(), empty());
    }

    private static String style(WebDriver driver, String selector, String property) {
        return (String) js(driver, "return getComputedStyle(" + HOST + ".shadowRoot.querySelector(\"" + selector
                + "\"))." + property);
    }

    private static String focused(WebDriver driver) {
        return (String) js(driver, "return " + HOST + ".shadowRoot.activeElement.id");
    }

    private static boolean exists(WebDriver driver, String selector) {
        return Boolean.TRUE.equals(js(driver, "return " + HOST + ".shadowRoot.querySelector(\"" + selector
                + "\") !== null"));
    }

    private static long count(WebDriver driver, String selector) {
        return (Long) js(driver, "return " + HOST + ".shadowRoot.querySelectorAll(\"" + selector + "\").length");
    }

    private static String attribute(WebDriver driver, String selector, String name) {
        return (String) js(driver, "return " + HOST + ".shadowRoot.querySelector(\"" + selector + "\").getAttribute('"
                + name + "')");
    }

    private static String value(WebDriver driver, String id) {
        return (String) js(driver, "return " + HOST + ".shadowRoot.getElementById('" + id + "').value");
    }

    private static WebElement shadow(WebDriver driver, String selector) {
        return driver.findElement(By.cssSelector("[data-comments-article]")).getShadowRoot()
                .findElement(By.cssSelector(selector));
    }

    private static List<WebElement> shadowAll(WebDriver driver, String selector) {
        return driver.findElement(By.cssSelector("[data-comments-article]")).getShadowRoot()
                .findElements(By.cssSelector(selector));
    }

    private static void fill(WebDriver driver, String id, String value) {
        WebElement input = shadow(driver, "#" + id);
        input.clear();
        input.sendKeys(value);
    }

    private static void answerCaptcha(WebDriver driver) {
        fill(driver, "answer", Integer.toString(Captchas.solve(text(driver, ".question"))));
    }

    private static void fillValid(WebDriver driver, String body) {
        fill(driver, "comment", body);
        fill(driver, "name", "Ed");
        fill(driver, "email", "ed@example.com");
        answerCaptcha(driver);
    }

    /** The service answering posts with {@code status} (problem+json), as a loaded or rate-limiting service would. */
    private static void stubPosts(WebDriver driver, int status, String headers) {
        js(driver, """
                const real = window.__realFetch || window.fetch;
                window.__realFetch = real;
                window.fetch = (url, options) => options && options.method === 'POST'
                    ? Promise.resolve(new Response(JSON.stringify({status: %d, title: 'Refused'}),
                        {status: %d, headers: Object.assign({'Content-Type': 'application/problem+json'}, %s)}))
                    : real(url, options);
                """.formatted(status, status, headers));
    }

    private static String onlyPending(String article) {
        List<String> ids = asAdmin().get("/api/v1/moderation/comments?status=pending&articleId=" + article).then()
                .statusCode(200).extract().path("comments.id");
        assertThat(ids.size(), equalTo(1));
        return ids.getFirst();
    }

    private void assertNoForeignRequestsNorViolations(WebDriver driver) {
        @SuppressWarnings("unchecked")
        List<String> urls = (List<String>) js(driver, "return performance.getEntriesByType('resource').map(e => e.name)");
        for (String url : urls) {
            boolean ours = url.startsWith(origin() + "/") || url.startsWith(ArticleSite.origin() + "/");
            assertTrue(ours, url);
        }
        assertThat(urls.stream().filter(u -> u.startsWith(origin())).count(), org.hamcrest.Matchers.greaterThan(2L));
        assertThat(String.valueOf(js(driver, "return window.__violations.join(', ')")), equalTo(""));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

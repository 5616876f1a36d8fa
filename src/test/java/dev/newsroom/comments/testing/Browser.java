package dev.newsroom.comments.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Debian chromium driven through its chromedriver, one per test class or test, closed
 * with {@link #close()}. The flags are the ones that work on the CI machines (no sandbox, no GPU,
 * no background traffic), and every browser gets a fresh profile directory, so no cookie or
 * {@code localStorage} leaks from one test into the next.
 *
 * <p>Tests that use it carry {@code @Tag("browser")}: they run once, in the H2 pass.
 */
public final class Browser implements AutoCloseable {

    /** Where {@link #screenshot} writes; the README's pictures are copied from here into docs/. */
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final ChromeDriver driver;
    private final Path profile;

    private Browser(boolean javascript, int width, int height) {
        try {
            profile = Files.createTempDirectory("chromium-profile");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("browser.binary", "/usr/bin/chromium"));
        options.addArguments(
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile,
                "--window-size=" + width + "," + height);
        if (!javascript) {
            options.addArguments("--blink-settings=scriptEnabled=false");
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getProperty("browser.driver", "/usr/bin/chromedriver")).toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /** A desktop-sized window with JavaScript on. */
    public static Browser open() {
        return new Browser(true, 1280, 900);
    }

    /** A desktop-sized window with JavaScript off, like a reader who blocks scripts. */
    public static Browser withoutJavaScript() {
        return new Browser(false, 1280, 900);
    }

    /** A phone-sized window (the console and the widget must stay usable at this width). */
    public static Browser narrow() {
        return new Browser(true, 390, 844);
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Waits up to ten seconds; pages here answer in milliseconds, the margin is for a loaded CI. */
    public WebDriverWait await() {
        return new WebDriverWait(driver, Duration.ofSeconds(10));
    }

    /** Saves what the window shows as {@code target/screenshots/<name>.png} and returns the path. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteQuietly(profile);
        }
    }

    private static void deleteQuietly(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // A profile left in /tmp is harmless; failing the test over it would not be.
        }
    }
}

package dev.newsroom.comments.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * Runs axe-core (from the {@code org.webjars.npm:axe-core} test dependency) in the page the
 * browser shows and answers its violations. The script is injected through the driver, which a
 * strict Content-Security-Policy does not block, so the page under test keeps its real policy.
 * Shadow roots are scanned too: axe walks open shadow DOM.
 */
public final class Accessibility {

    private static final String AXE = "META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";
    private static final List<String> BLOCKING = List.of("serious", "critical");

    private Accessibility() {
    }

    /** One violation: the rule, how bad axe says it is, and where (the first few targets). */
    public record Violation(String rule, String impact, String help, List<?> targets) {
        public boolean blocking() {
            return BLOCKING.contains(impact);
        }
    }

    /** All violations of the page as it is now. */
    @SuppressWarnings("unchecked")
    public static List<Violation> scan(WebDriver driver) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript(axeSource());
        Object result = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']})
                   .then(r => done(r.violations.map(v => ({
                        rule: v.id, impact: v.impact, help: v.help,
                        targets: v.nodes.slice(0, 5).map(n => n.target)}))))
                   .catch(e => done([{rule: 'axe-error', impact: 'critical', help: String(e), targets: []}]));
                """);
        return ((List<Map<String, Object>>) result).stream()
                .map(v -> new Violation((String) v.get("rule"), (String) v.get("impact"),
                        (String) v.get("help"), (List<?>) v.get("targets")))
                .toList();
    }

    /** The serious and critical violations only: what the browser tests refuse. */
    public static List<Violation> blocking(WebDriver driver) {
        return scan(driver).stream().filter(Violation::blocking).toList();
    }

    private static String axeSource() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(AXE)) {
            if (in == null) {
                throw new IllegalStateException(AXE + " is not on the test classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

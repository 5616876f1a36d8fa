package dev.newsroom.comments.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How a webhook's URL is taken apart, and the URLs refused before any name is resolved. */
class WebhookDestinationTest {

    @ParameterizedTest
    @CsvSource({
            "https://hooks.example.com, true, hooks.example.com, 443, /, https://hooks.example.com",
            "https://hooks.example.com/a/b?c=d&e=%20f, true, hooks.example.com, 443, /a/b?c=d&e=%20f, https://hooks.example.com",
            "HTTPS://Hooks.Example.com:8443/x, true, Hooks.Example.com, 8443, /x, https://Hooks.Example.com:8443",
            "http://127.0.0.1:9000/hook, false, 127.0.0.1, 9000, /hook, http://127.0.0.1:9000",
            "https://[2606:4700::1111]/h, true, [2606:4700::1111], 443, /h, https://[2606:4700::1111]" })
    void takesAUrlApart(String url, boolean https, String host, int port, String requestUri, String origin)
            throws Destination.Refused {
        Destination destination = Destination.parse(url, true);
        assertEquals(new Destination(https, host, port, requestUri), destination);
        assertEquals(origin, destination.origin());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "http://hooks.example.com/ | must use https",
            "ftp://hooks.example.com/ | must use https",
            "not a url | must be an absolute https URL",
            "hooks.example.com/path | must be an absolute https URL",
            "/relative | must be an absolute https URL",
            "mailto:ops@example.com | must be an absolute https URL",
            "https://user:pass@hooks.example.com/ | must not contain credentials",
            "https://hooks.example.com/#top | must not contain a fragment",
            "https:///path | must have a host (international names in their xn-- form)",
            "https://hooks.example.com:0/ | must have a port from 1 to 65535",
            "https://hooks.example.com:70000/ | must have a port from 1 to 65535" })
    void refuses(String url, String reason) {
        Destination.Refused refused = assertThrows(Destination.Refused.class, () -> Destination.parse(url, false));
        assertEquals(reason, refused.getMessage());
    }

    @Test
    void refusesWhatIsTooLongOrMissing() {
        assertEquals("must be at most 2000 characters", assertThrows(Destination.Refused.class,
                () -> Destination.parse("https://example.com/" + "a".repeat(1981), false)).getMessage());
        assertEquals("is required",
                assertThrows(Destination.Refused.class, () -> Destination.parse(" ", false)).getMessage());
    }
}

package dev.newsroom.comments.submission;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressTest {

    @ParameterizedTest
    @ValueSource(strings = { "ana@example.com", "user+news@example.com", "John@Example.COM", "a.b-c_d@sub.example.co.uk",
            "x@xn--bcher-kva.example", "o'brien@example.ie", "a@b.io" })
    void acceptsPracticalAddresses(String email) {
        assertTrue(EmailAddress.Validator.isAddress(email), email);
    }

    @ParameterizedTest
    @ValueSource(strings = { "plainaddress", "@example.com", "a@", "a@b@c.com", ".a@x.com", "a.@x.com", "a..b@x.com",
            "a@x..com", "a@-x.com", "a@x-.com", "a@localhost", "a@x", "\"john doe\"@example.com", "user@[192.0.2.1]",
            "john(x)@example.com", "a@b.com\r\nBcc: x@y.test", "a\u202E@example.com", "a\u200B@example.com",
            "δοκιμή@παράδειγμα.δοκιμή", "user@bücher.example", "a@example.c0m", "a b@example.com" })
    void refusesEverythingElse(String email) {
        assertFalse(EmailAddress.Validator.isAddress(email), email);
    }

    @Test
    void enforcesTheRfc5321Lengths() {
        String domain = "@example.com";
        assertTrue(EmailAddress.Validator.isAddress("a".repeat(64) + domain));
        assertFalse(EmailAddress.Validator.isAddress("a".repeat(65) + domain));
        String longDomain = "a@" + ("b".repeat(63) + ".").repeat(3) + "c".repeat(61) + ".io";
        assertFalse(EmailAddress.Validator.isAddress(longDomain), "over 254 characters");
        assertFalse(EmailAddress.Validator.isAddress("a@" + "b".repeat(64) + ".com"), "label over 63");
    }
}

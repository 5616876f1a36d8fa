package dev.newsroom.comments.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Signatures a receiver's Standard Webhooks library verifies. */
class WebhookSignaturesTest {

    /** The test vector of the Standard Webhooks reference libraries. */
    @Test
    void reproducesTheStandardWebhooksTestVector() {
        byte[] key = Signatures.keyOf("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        byte[] body = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);

        assertEquals("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
                Signatures.header("msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, body, List.of(key)));
    }

    @Test
    void signsWithEveryKeySpaceSeparatedCurrentFirst() {
        byte[] current = Signatures.keyOf(Signatures.newSecret());
        byte[] previous = Signatures.keyOf(Signatures.newSecret());
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);

        String header = Signatures.header("42", 1_700_000_000, body, List.of(current, previous));

        assertEquals("v1," + Signatures.sign("42", 1_700_000_000, body, current) + " v1,"
                + Signatures.sign("42", 1_700_000_000, body, previous), header);
    }

    @Test
    void secretsAreWhsecAndTheBase64Of32RandomBytes() {
        String secret = Signatures.newSecret();

        assertTrue(secret.matches("whsec_[A-Za-z0-9+/]{43}="), secret);
        assertEquals(32, Signatures.keyOf(secret).length);
        assertNotEquals(secret, Signatures.newSecret());
    }
}

package dev.newsroom.comments.webhook;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same deliveries from the packaged jar to the receiver in the test's process. */
@QuarkusIntegrationTest
class WebhookDeliveryIT extends WebhookDeliveryTest {
}

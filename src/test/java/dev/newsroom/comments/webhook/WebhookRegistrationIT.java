package dev.newsroom.comments.webhook;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same contract tests against the packaged jar. */
@QuarkusIntegrationTest
class WebhookRegistrationIT extends WebhookRegistrationTest {
}

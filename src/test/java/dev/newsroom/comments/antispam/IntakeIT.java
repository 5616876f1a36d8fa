package dev.newsroom.comments.antispam;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same intake tests against the packaged jar. */
@QuarkusIntegrationTest
class IntakeIT extends IntakeTest {
}

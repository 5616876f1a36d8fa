package dev.newsroom.comments.privacy;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same privacy tests against the packaged jar. */
@QuarkusIntegrationTest
class PrivacyResourceIT extends PrivacyResourceTest {
}

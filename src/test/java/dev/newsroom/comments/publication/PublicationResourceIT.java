package dev.newsroom.comments.publication;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same contract tests against the packaged jar. */
@QuarkusIntegrationTest
class PublicationResourceIT extends PublicationResourceTest {
}

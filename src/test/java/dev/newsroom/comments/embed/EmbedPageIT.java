package dev.newsroom.comments.embed;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same checks against the packaged jar. */
@QuarkusIntegrationTest
class EmbedPageIT extends EmbedPageTest {
}

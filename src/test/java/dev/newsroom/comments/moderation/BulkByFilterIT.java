package dev.newsroom.comments.moderation;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same contract tests against the packaged jar. */
@QuarkusIntegrationTest
class BulkByFilterIT extends BulkByFilterTest {
}

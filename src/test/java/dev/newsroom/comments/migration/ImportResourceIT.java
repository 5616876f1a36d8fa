package dev.newsroom.comments.migration;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same checks against the packaged jar. */
@QuarkusIntegrationTest
class ImportResourceIT extends ImportResourceTest {
}

package dev.newsroom.comments.report;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same contract tests against the packaged jar. */
@QuarkusIntegrationTest
class ReaderReportsIT extends ReaderReportsTest {
}

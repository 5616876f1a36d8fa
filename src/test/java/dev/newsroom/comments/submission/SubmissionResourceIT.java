package dev.newsroom.comments.submission;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same contract tests against the packaged jar. */
@QuarkusIntegrationTest
class SubmissionResourceIT extends SubmissionResourceTest {
}

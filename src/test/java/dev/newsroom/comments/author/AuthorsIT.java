package dev.newsroom.comments.author;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same contract tests against the packaged jar. */
@QuarkusIntegrationTest
class AuthorsIT extends AuthorsTest {
}

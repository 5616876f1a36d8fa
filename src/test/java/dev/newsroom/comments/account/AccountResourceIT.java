package dev.newsroom.comments.account;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same contract tests against the packaged jar. */
@QuarkusIntegrationTest
class AccountResourceIT extends AccountResourceTest {
}

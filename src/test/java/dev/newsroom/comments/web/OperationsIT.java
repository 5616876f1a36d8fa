package dev.newsroom.comments.web;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same checks against the packaged jar. */
@QuarkusIntegrationTest
class OperationsIT extends OperationsTest {
}

package dev.newsroom.comments.console;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The console's sessions, CSRF checks and device cookies against the packaged jar. */
@QuarkusIntegrationTest
class ConsoleSignInIT extends ConsoleSignInTest {
}

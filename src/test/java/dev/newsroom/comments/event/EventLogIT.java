package dev.newsroom.comments.event;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same contract tests against the packaged jar. */
@QuarkusIntegrationTest
class EventLogIT extends EventLogTest {
}

package dev.newsroom.comments.moderation;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same parallel requests against the packaged jar. */
@QuarkusIntegrationTest
class ConcurrentDecisionsIT extends ConcurrentDecisionsTest {
}

package dev.newsroom.comments.settings;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same contract tests against the packaged jar. */
@QuarkusIntegrationTest
class SiteSettingsIT extends SiteSettingsTest {
}

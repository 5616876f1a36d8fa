package dev.newsroom.comments.captcha;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same contract tests against the packaged jar. */
@QuarkusIntegrationTest
class CaptchaResourceIT extends CaptchaResourceTest {
}

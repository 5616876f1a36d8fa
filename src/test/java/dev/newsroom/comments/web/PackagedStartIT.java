package dev.newsroom.comments.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.newsroom.comments.testing.HttpReader;
import dev.newsroom.comments.testing.JarDatabase;
import dev.newsroom.comments.testing.ServiceProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged service starts as the README runs it: with the AOT cache that {@code mvn package}
 * trained (src/main/aot/TrainingRun.java), and not at all with a setting out of its range.
 */
class PackagedStartIT {

    private static final Path CACHE = Path.of(System.getProperty("user.dir"), "target", "quarkus-app", "app.aot");

    @TempDir
    Path directory;

    @RegisterExtension
    final JarDatabase database = new JarDatabase();

    @Test
    void theBuildsAotCacheMatchesTheJarAndServes() throws Exception {
        assumeTrue(Files.isRegularFile(CACHE), "no AOT cache: the build ran with -DskipAotTraining=true");
        // AOTMode=on: the JVM refuses to start unless it can map this cache for this jar and JVM.
        try (ServiceProcess service = ServiceProcess.start(directory, "service.log", database.environment(),
                List.of("-XX:AOTMode=on", "-XX:AOTCache=" + CACHE))) {
            assertEquals(200, new HttpReader().get(service, "/api/v1/captcha").statusCode());
            assertEquals(List.of(), service.logLines("[error"), "the JVM reported an error with the cache");
        }
    }

    @Test
    void aSettingOutOfItsRangeStopsStartupAndNamesTheSetting() throws Exception {
        Map<String, String> env = new java.util.HashMap<>(database.environment());
        env.put("COMMENTS_ADMIN_BCRYPT_COST", "20");
        ServiceProcess service = ServiceProcess.launch(directory, "service.log", env, List.of());
        OptionalInt exit = service.awaitExit(Duration.ofSeconds(90));

        assertTrue(exit.isPresent(), "the service must exit by itself");
        assertNotEquals(0, exit.getAsInt());
        assertFalse(service.logLines("comments.admin.bcrypt-cost must be from 4 to 16, not 20").isEmpty());
    }
}

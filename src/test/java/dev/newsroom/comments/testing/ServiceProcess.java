package dev.newsroom.comments.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged jar started as a deployment would start it: its own process and port, configured
 * by environment variables only, its output in a log file. For tests that kill, restart or run
 * several instances.
 */
public final class ServiceProcess implements AutoCloseable {

    public static final String ADMIN_PASSWORD = "process-admin-password";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final int port;
    private final Path log;

    private ServiceProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts the jar in {@code directory} on a free port and waits until it is ready. {@code env}
     * comes on top of the admin password; the database is the one {@link #databaseEnvironment}
     * chose, unless {@code env} says otherwise.
     */
    public static ServiceProcess start(Path directory, String logName, Map<String, String> env) throws Exception {
        return start(directory, logName, env, List.of());
    }

    /** As {@link #start(Path, String, Map)}, with {@code jvmOptions} before {@code -jar}. */
    public static ServiceProcess start(Path directory, String logName, Map<String, String> env, List<String> jvmOptions)
            throws Exception {
        for (int attempt = 1;; attempt++) {
            ServiceProcess service = launch(directory, logName, env, jvmOptions);
            try {
                service.awaitReady();
                return service;
            } catch (AssertionError failed) {
                // A free port found a moment ago may have been taken meanwhile (tests start instances in parallel).
                if (attempt == 3 || service.logLines("in use").isEmpty()) { // Quarkus: "Port … seems to be in use"
                    throw failed;
                }
            }
        }
    }

    /** Starts the jar on a free port without waiting for it: for a start that is meant to fail. */
    public static ServiceProcess launch(Path directory, String logName, Map<String, String> env,
            List<String> jvmOptions) throws IOException {
        int port = freePort();
        Path jar = Path.of(System.getProperty("user.dir"), "target", "quarkus-app", "quarkus-run.jar");
        Path log = directory.resolve(logName);
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        builder.environment().put("COMMENTS_ADMIN_PASSWORD", ADMIN_PASSWORD);
        builder.environment().putAll(env);
        return new ServiceProcess(builder.start(), port, log);
    }

    /** The environment that points a jar at a PostgreSQL database of the test server. */
    public static Map<String, String> databaseEnvironment(String postgresqlDatabase) {
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", TestDatabase.urlOf(postgresqlDatabase));
        env.put("QUARKUS_DATASOURCE_USERNAME", TestDatabase.user());
        return env;
    }

    private void awaitReady() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("the service died at start:\n" + tail());
            }
            try {
                if (HTTP.send(HttpRequest.newBuilder(uri("/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        process.destroyForcibly();
        throw new AssertionError("the service did not become ready:\n" + tail());
    }

    /** The end of the log, for a failure message (the log's directory is usually deleted after the test). */
    private String tail() throws IOException {
        List<String> lines = java.nio.file.Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    /** The lines of the service's log that contain {@code text}. */
    public List<String> logLines(String text) throws IOException {
        try (var lines = java.nio.file.Files.lines(log)) {
            return lines.filter(line -> line.contains(text)).toList();
        }
    }

    public int port() {
        return port;
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL: no shutdown hook, no flush. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("the service survived SIGKILL");
        }
    }

    /** SIGTERM, without waiting: the service starts its graceful shutdown. */
    public void terminate() {
        process.destroy();
    }

    /** Waits for the process to end; its exit code, or empty if it is still running after {@code limit}. */
    public java.util.OptionalInt awaitExit(Duration limit) throws InterruptedException {
        return process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)
                ? java.util.OptionalInt.of(process.exitValue()) : java.util.OptionalInt.empty();
    }

    /** SIGTERM, then waits for a graceful exit. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

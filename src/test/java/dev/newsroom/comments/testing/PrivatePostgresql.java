package dev.newsroom.comments.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of the test's own (initdb into a temporary directory, its own port), so a
 * test can stop and start it under load without touching the machine's shared server. Uses the
 * Debian binaries under /usr/lib/postgresql; as root, runs them as the postgres user.
 */
public final class PrivatePostgresql implements AutoCloseable {

    private final Path directory;
    private final Path binaries;
    private final int port;

    private PrivatePostgresql(Path directory, Path binaries, int port) {
        this.directory = directory;
        this.binaries = binaries;
        this.port = port;
    }

    /** Whether this machine has the server binaries (CI's .ci/run installs them). */
    public static boolean available() {
        return binaries() != null;
    }

    public static PrivatePostgresql start() throws Exception {
        Path directory = Files.createTempDirectory("comments-pg-");
        run(List.of("chown", "postgres", directory.toString()), true);
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        PrivatePostgresql server = new PrivatePostgresql(directory, binaries(), port);
        server.asPostgres(List.of(server.binaries.resolve("initdb").toString(), "-D", server.data(), "-A", "trust",
                "-U", "postgres", "-E", "UTF8", "--no-sync"));
        server.startServer();
        server.asPostgres(List.of(server.binaries.resolve("createdb").toString(), "-h", "127.0.0.1", "-p",
                Integer.toString(port), "-U", "postgres", "comments"));
        return server;
    }

    /** The JDBC URL of its {@code comments} database. */
    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/comments";
    }

    /** Starts the server (again), waiting until it accepts connections. */
    public void startServer() throws Exception {
        asPostgres(List.of(binaries.resolve("pg_ctl").toString(), "-D", data(), "-l", directory.resolve("server.log")
                .toString(), "-o", "-p " + port + " -k " + directory + " -c listen_addresses=127.0.0.1", "-w", "start"));
    }

    /** Stops the server the way an operator or a crash-restart does: connections are cut at once. */
    public void stopServer() throws Exception {
        asPostgres(List.of(binaries.resolve("pg_ctl").toString(), "-D", data(), "-m", "fast", "-w", "stop"));
    }

    @Override
    public void close() throws Exception {
        try {
            asPostgres(List.of(binaries.resolve("pg_ctl").toString(), "-D", data(), "-m", "immediate", "stop"));
        } catch (IllegalStateException alreadyStopped) {
            // nothing to stop
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    private String data() {
        return directory.resolve("data").toString();
    }

    private void asPostgres(List<String> command) throws Exception {
        List<String> full = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        run(full, false);
    }

    private static void run(List<String> command, boolean onlyAsRoot) throws Exception {
        if (onlyAsRoot && !"root".equals(System.getProperty("user.name"))) {
            return;
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
    }

    private static Path binaries() {
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(version -> version.resolve("bin")).filter(bin -> Files.isExecutable(bin.resolve("initdb")))
                    .max(Comparator.naturalOrder()).orElse(null);
        } catch (IOException none) {
            return null;
        }
    }
}

package dev.newsroom.comments.migration;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsroom.comments.config.SettingBounds;
import dev.newsroom.comments.web.ProblemException;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.xml.stream.XMLStreamException;

/**
 * Imports (API.md §8): the upload is spooled to a temporary file, then read in the background by
 * the format's streaming reader, batch after batch ({@link ImportRun}, {@link ImportWriter}). An
 * import survives nothing: a restart ends it (reported failed once it has been silent for
 * comments.import.stale-after), and importing the file again adds only what is missing.
 */
@ApplicationScoped
class ImportService {

    private final ImportWriter writer;
    private final ImportConfig config;
    private final EntityManager entityManager;
    private final ObjectMapper json;
    private final Clock clock;
    private final AtomicInteger threads = new AtomicInteger();
    // Two at a time: an import is bound by the database, and a third would only wait for it.
    private final ExecutorService background = Executors.newFixedThreadPool(2, task -> {
        Thread thread = new Thread(task, "comment-import-" + threads.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    /** Checked as the service starts: a bad value stops it, naming the setting. */
    static void checkSettings(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event,
            ImportConfig config) {
        SettingBounds.require("comments.import.batch-size", config.batchSize(), 1, 5_000);
        SettingBounds.require("comments.import.max-errors", config.maxErrors(), 1, 100_000);
        if (config.maxSize().asLongValue() < 1) {
            throw new IllegalStateException("comments.import.max-size must be at least 1 byte");
        }
    }

    ImportService(ImportWriter writer, ImportConfig config, EntityManager entityManager, ObjectMapper json,
            Clock clock) {
        this.writer = writer;
        this.config = config;
        this.entityManager = entityManager;
        this.json = json;
        this.clock = clock;
    }

    @PreDestroy
    void stop() {
        background.shutdownNow();
    }

    /** Spools the upload and starts its import; answers the import's id. */
    String start(ImportFormat format, ArticleIdFrom articleIdFrom, InputStream upload, String administrator) {
        Path file = spool(upload);
        String importId;
        try {
            importId = writer.start(format, administrator);
        } catch (RuntimeException e) {
            delete(file);
            throw e;
        }
        Log.infof("Import %s (%s) started by %s", importId, format.wireName(), administrator);
        background.execute(() -> run(importId, format, articleIdFrom, file, administrator));
        return importId;
    }

    private void run(String importId, ImportFormat format, ArticleIdFrom articleIdFrom, Path file, String administrator) {
        ImportRun run = new ImportRun(importId, administrator, writer, config.batchSize());
        ImportView.ImportError failure = null;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            try {
                switch (format) {
                    case WXR -> new WxrReader(articleIdFrom).read(in, run);
                    case DISQUS -> new DisqusReader().read(in, run);
                    case JSONL -> new JsonLinesReader(json).read(in, run);
                }
            } catch (XMLStreamException notWellFormed) {
                failure = parserError(notWellFormed);
            } catch (CharacterCodingException notUtf8) {
                failure = new ImportView.ImportError("file", "the file is not UTF-8 text");
            }
            run.flush(); // what was read completely before a failure is kept
            if (run.source() != null) {
                while (writer.relink(run.source(), config.batchSize()) > 0) {
                    // a page at a time
                }
            }
            run.announce();
        } catch (Exception e) {
            Log.errorf(e, "Import %s stopped", importId);
            failure = new ImportView.ImportError("import", "stopped by an error of the service ("
                    + e.getClass().getSimpleName() + "); import the file again to add what is missing");
        } finally {
            delete(file);
        }
        try {
            writer.finish(importId, administrator, failure);
            Log.infof("Import %s %s", importId, failure == null ? "done" : "failed");
        } catch (RuntimeException e) {
            Log.errorf(e, "Import %s could not be marked finished", importId);
        }
    }

    /** The parser's message and where it stopped: "line 12, column 5". */
    private static ImportView.ImportError parserError(XMLStreamException e) {
        String message = e.getNestedException() != null && e.getNestedException().getMessage() != null
                ? e.getNestedException().getMessage() : e.getMessage();
        message = message == null ? "not well-formed XML" : message.replaceFirst("(?s)^ParseError at \\[row,col\\]:\\[\\d+,\\d+\\]\\s*Message:\\s*", "");
        String at = e.getLocation() == null ? "file"
                : "line " + e.getLocation().getLineNumber() + ", column " + e.getLocation().getColumnNumber();
        return new ImportView.ImportError(at, "not well-formed XML: " + message.strip());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    ImportView view(String importId) {
        ImportJob job = importId == null || importId.length() > 36 ? null : entityManager.find(ImportJob.class, importId);
        if (job == null) {
            throw new UnknownImportException();
        }
        List<ImportView.ImportError> errors = new ArrayList<>(entityManager.createNativeQuery("select at, message"
                + " from import_error where import_id = ?1 order by id", Object[].class)
                .setParameter(1, importId).setMaxResults(config.maxErrors()).getResultList().stream()
                .map(row -> new ImportView.ImportError((String) ((Object[]) row)[0], (String) ((Object[]) row)[1]))
                .toList());
        String status = job.status();
        long errorCount = job.errorCount();
        if (status.equals(ImportJob.RUNNING) && job.heartbeatAt().plus(config.staleAfter()).isBefore(clock.instant())) {
            status = ImportJob.FAILED; // its instance went away
            errors.add(new ImportView.ImportError("import", "interrupted: nothing committed since "
                    + job.heartbeatAt() + "; import the file again to add what is missing"));
            errorCount++;
        }
        return new ImportView(job.id(), job.format(), status, job.processed(), job.imported(), job.skipped(), errors,
                errorCount, job.startedAt(), job.finishedAt());
    }

    /** Copies the upload to a temporary file, refusing it (413) past comments.import.max-size. */
    private Path spool(InputStream upload) {
        long max = config.maxSize().asLongValue();
        Path file;
        try {
            Path directory = config.spoolDirectory().orElse(Path.of(System.getProperty("java.io.tmpdir")));
            Files.createDirectories(directory);
            file = Files.createTempFile(directory, "comments-import-", ".upload");
        } catch (IOException e) {
            throw new IllegalStateException("The import spool directory is not writable", e);
        }
        long size = 0;
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            int read;
            while ((read = upload.read(buffer)) != -1) {
                size += read;
                if (size > max) {
                    throw new ImportTooLargeException(max);
                }
                out.write(buffer, 0, read);
            }
        } catch (IOException | RuntimeException e) {
            delete(file);
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (String.valueOf(e.getMessage()).contains("too large")) {
                throw new ImportTooLargeException(max); // the body reader stopped a chunked body past the limit
            }
            throw ProblemException.badRequest("The upload did not arrive whole; send the file again.");
        }
        if (size == 0) {
            delete(file);
            throw ProblemException.badRequest("The body is empty: send the export file as the request body.");
        }
        return file;
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            Log.warnf("Could not delete the import spool file %s", file);
        }
    }
}

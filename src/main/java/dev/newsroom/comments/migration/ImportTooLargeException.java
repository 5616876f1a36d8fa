package dev.newsroom.comments.migration;

import dev.newsroom.comments.web.ProblemException;

/** An upload past comments.import.max-size: 413, nothing imported. */
class ImportTooLargeException extends ProblemException {

    ImportTooLargeException(long maxBytes) {
        super(413, "Request too large", "The export file is larger than this service accepts ("
                + (maxBytes >= 1024 * 1024 ? maxBytes / (1024 * 1024) + " MiB" : maxBytes / 1024 + " KiB")
                + ", COMMENTS_IMPORT_MAX_SIZE).");
    }
}

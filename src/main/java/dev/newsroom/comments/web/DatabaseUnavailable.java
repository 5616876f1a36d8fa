package dev.newsroom.comments.web;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Locale;

/**
 * Recognises a failure that means "the database cannot be reached right now" (stopped, restarting,
 * unreachable, or every pooled connection busy past the acquisition timeout), as opposed to a bug.
 * Such requests are answered 503 with {@code Retry-After}, and the pool reconnects by itself
 * once the database is back; nothing was acknowledged, so nothing acknowledged is lost.
 */
public final class DatabaseUnavailable {

    /** What clients are told to wait: about the time a PostgreSQL restart or fail-over takes. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private DatabaseUnavailable() {
    }

    public static boolean causedBy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (isCommitFailure(cause)) {
                return true;
            }
            if (cause instanceof org.hibernate.exception.JDBCConnectionException
                    || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql && (isConnectionState(sql.getSQLState()) || isPoolTimeout(sql))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The transaction manager could not commit: the connection died under the commit. The request
     * was not acknowledged; an identical retry of a comment gets its original answer if the
     * commit did reach the database.
     */
    private static boolean isCommitFailure(Throwable cause) {
        return cause instanceof jakarta.transaction.RollbackException
                || cause instanceof jakarta.transaction.HeuristicMixedException
                || cause instanceof jakarta.transaction.HeuristicRollbackException
                || cause instanceof jakarta.transaction.SystemException;
    }

    /** SQLSTATE class 08 (connection exception) and PostgreSQL's 57P01–57P03 (shutting down, starting up). */
    private static boolean isConnectionState(String state) {
        return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                || state.equals("57P03"));
    }

    /** Agroal's "Acquisition timeout while waiting for new connection" carries no SQLSTATE. */
    private static boolean isPoolTimeout(SQLException e) {
        String message = e.getMessage();
        return e.getSQLState() == null && message != null
                && message.toLowerCase(Locale.ROOT).contains("acquisition timeout");
    }
}

package dev.newsroom.comments.comment;

import dev.newsroom.comments.storage.DatabaseSelection.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.hibernate.Session;

/** Where authors are found, created and forgotten (V10__authors.sql). */
@ApplicationScoped
public class Authors {

    private static final Pattern AUTHOR_ID = Pattern.compile("[0-9a-f]{32}");
    private static final String UNIQUE_VIOLATION = "23505";

    private final EntityManager entityManager;
    private final BlindIndex index;

    Authors(EntityManager entityManager, BlindIndex index) {
        this.entityManager = entityManager;
        this.index = index;
    }

    /** What intake needs to know about the author of a comment about to be stored, whose row this creates if new. */
    public AuthorRecord recordFor(String emailIndex, Instant now) {
        Author author = entityManager.find(Author.class, emailIndex);
        if (author == null) {
            String authorId = index.author(emailIndex);
            if (create(emailIndex, authorId)) {
                return AuthorRecord.newcomer(authorId); // the row as just inserted: no need to read it back
            }
            author = entityManager.find(Author.class, emailIndex);
            if (author == null) {
                throw new IllegalStateException("An author's row was inserted but cannot be read back");
            }
        }
        return new AuthorRecord(author.authorId(), author.standingAt(now), author.count(CommentStatus.APPROVED),
                author.count(CommentStatus.SPAM), author.count(CommentStatus.PENDING),
                author.count(CommentStatus.REJECTED));
    }

    /**
     * Inserts the row in the caller's transaction, with a statement that cannot fail it when another
     * transaction inserts the same author at the same moment (two first comments of one author, on
     * any instance): the counts are then only ever updated. PostgreSQL skips the row on conflict; on
     * H2 a failed statement undoes only itself, so the duplicate is caught and the transaction goes on.
     * A transaction of its own would hold a second pooled connection while the caller holds the first:
     * with as many first-time authors posting at once as the pool has connections, every one of them
     * waited for a connection none would give back (503 after the acquisition timeout).
     * Answers whether this statement inserted the row (false: another transaction's row is there).
     */
    private boolean create(String emailIndex, String authorId) {
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            boolean postgresql = Database.of(connection) == Database.POSTGRESQL;
            try (PreparedStatement insert = connection.prepareStatement("insert into author (email_index, author_id)"
                    + " values (?, ?)" + (postgresql ? " on conflict do nothing" : ""))) {
                insert.setString(1, emailIndex);
                insert.setString(2, authorId);
                return insert.executeUpdate() == 1; // 0: PostgreSQL found the row of another transaction
            } catch (SQLException e) {
                if (postgresql || !UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    throw e;
                }
                return false; // H2: inserted by a transaction that committed meanwhile; the caller reads that row
            }
        });
    }

    /**
     * Creates, in the caller's transaction, the rows of those of these authors that have none (an
     * import's batch). Two transactions creating one author at once: the second fails on the primary
     * key and its caller retries (migration.ImportWriter), then finding the row.
     */
    public void ensureExist(Collection<String> emailIndexes) {
        List<String> wanted = emailIndexes.stream().filter(java.util.Objects::nonNull).distinct().sorted().toList();
        if (wanted.isEmpty()) {
            return;
        }
        java.util.Set<String> existing = new java.util.HashSet<>(entityManager
                .createQuery("select a.emailIndex from Author a where a.emailIndex in :indexes", String.class)
                .setParameter("indexes", wanted).getResultList());
        List<Author> created = new java.util.ArrayList<>();
        for (String emailIndex : wanted) {
            if (!existing.contains(emailIndex)) {
                Author author = new Author(emailIndex, index.author(emailIndex));
                entityManager.persist(author);
                created.add(author);
            }
        }
        entityManager.flush();
        created.forEach(entityManager::detach); // inserted; the counts change in SQL (AuthorTally)
    }

    public Optional<Author> findById(String authorId) {
        if (authorId == null || !AUTHOR_ID.matcher(authorId).matches()) {
            return Optional.empty();
        }
        return entityManager.createQuery("from Author a where a.authorId = :id", Author.class)
                .setParameter("id", authorId).getResultStream().findFirst();
    }

    /** Locks the author's row for a standing change, so two moderators' changes apply one after the other. */
    public Optional<Author> findForUpdate(String authorId) {
        return findById(authorId).map(author -> {
            entityManager.lock(author, LockModeType.PESSIMISTIC_WRITE);
            entityManager.refresh(author);
            return author;
        });
    }

    /**
     * The moderators' summary of each of these authors, read fresh from the database (the counts
     * change in SQL, under any entity already loaded), keyed by email index.
     */
    public Map<String, Known> summaries(Collection<String> emailIndexes, Instant now) {
        List<String> wanted = emailIndexes.stream().filter(java.util.Objects::nonNull).distinct().toList();
        if (wanted.isEmpty()) {
            return Map.of();
        }
        return entityManager.createQuery("select a.emailIndex, a.authorId, a.standing, a.standingUntil, a.approved,"
                + " a.pending, a.rejected, a.spam from Author a where a.emailIndex in :indexes", Object[].class)
                .setParameter("indexes", wanted)
                .getResultStream()
                .collect(Collectors.toMap(row -> (String) row[0], row -> new Known((String) row[1], AuthorSummary.of(row, now))));
    }

    /** An author's id and summary. */
    public record Known(String authorId, AuthorSummary summary) {
    }

    /** An erasure: the standing and the link from the email to its history go. */
    public void forget(String emailIndex) {
        entityManager.createQuery("delete from Author a where a.emailIndex = :index")
                .setParameter("index", emailIndex).executeUpdate();
    }
}

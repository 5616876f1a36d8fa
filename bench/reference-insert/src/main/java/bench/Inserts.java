package bench;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;

/** One transaction per insert, as the service's submission owns its transaction. */
@ApplicationScoped
public class Inserts {

    private final EntityManager entityManager;

    Inserts(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Persists the row and commits; returns its id. */
    @Transactional
    public String insert(String articleId, String name, String email, String body) {
        CommentRow row = new CommentRow();
        row.articleId = articleId;
        row.name = name;
        row.email = email;
        row.body = body;
        row.status = "pending";
        row.createdAt = Instant.now();
        entityManager.persist(row);
        return row.id;
    }

    @Transactional
    public long count() {
        return entityManager.createQuery("select count(c) from CommentRow c", Long.class).getSingleResult();
    }
}

package dev.newsroom.comments.comment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Instant;

/**
 * Which articles are closed to new comments. Articles are not registered anywhere else: any
 * valid article id is open until a moderator closes it.
 */
@ApplicationScoped
public class ArticleRegistry {

    private final EntityManager entityManager;

    ArticleRegistry(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public boolean isClosed(String articleId) {
        return entityManager.find(ClosedArticle.class, articleId) != null;
    }

    /** Closes the article; answers false (and changes nothing) if it was already closed. */
    public boolean close(String articleId, String moderator, Instant now) {
        if (entityManager.find(ClosedArticle.class, articleId, LockModeType.PESSIMISTIC_WRITE) != null) {
            return false;
        }
        ClosedArticle closed = new ClosedArticle();
        closed.articleId = articleId;
        closed.closedBy = moderator;
        closed.closedAt = now;
        entityManager.persist(closed);
        entityManager.flush();
        return true;
    }

    /** Opens the article; answers false (and changes nothing) if it was open. */
    public boolean open(String articleId) {
        ClosedArticle closed = entityManager.find(ClosedArticle.class, articleId, LockModeType.PESSIMISTIC_WRITE);
        if (closed == null) {
            return false;
        }
        entityManager.remove(closed);
        return true;
    }
}

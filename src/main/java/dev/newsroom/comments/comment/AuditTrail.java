package dev.newsroom.comments.comment;

import dev.newsroom.comments.web.Cursor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.List;

/** Appends to and reads the audit trail, newest first (by insertion order). */
@ApplicationScoped
public class AuditTrail {

    private final EntityManager entityManager;

    AuditTrail(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public void append(AuditEntry entry) {
        entityManager.persist(entry);
    }

    /** One more entry than asked for, so the caller knows whether a next page exists. */
    public List<AuditEntry> newestFirst(String commentId, Cursor before, int limit) {
        if (commentId != null && !Comment.isWellFormedId(commentId)) {
            return List.of();
        }
        StringBuilder query = new StringBuilder("from AuditEntry a where 1 = 1");
        if (commentId != null) {
            query.append(" and a.commentId = :commentId");
        }
        if (before != null) {
            query.append(" and a.id < :beforeId");
        }
        // With a comment, its column leads the order so H2 reads index audit_entry_comment in order.
        String order = commentId != null ? " order by a.commentId desc, a.id desc" : " order by a.id desc";
        TypedQuery<AuditEntry> typed = entityManager.createQuery(query + order, AuditEntry.class);
        if (commentId != null) {
            typed.setParameter("commentId", commentId);
        }
        if (before != null) {
            typed.setParameter("beforeId", before.numericId());
        }
        return typed.setMaxResults(limit + 1).getResultList();
    }
}

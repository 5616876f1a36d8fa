package dev.newsroom.comments.comment;

import dev.newsroom.comments.web.Cursor;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Appends to and reads the audit trail, newest first (by insertion order). */
@ApplicationScoped
public class AuditTrail implements PanacheRepositoryBase<AuditEntry, Long> {

    public void append(AuditEntry entry) {
        persist(entry);
    }

    /** One more entry than asked for, so the caller knows whether a next page exists. */
    public List<AuditEntry> newestFirst(String commentId, Cursor before, int limit) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (commentId != null) {
            query.append(" and commentId = :commentId");
            parameters.and("commentId", commentId);
        }
        if (before != null) {
            query.append(" and id < :beforeId");
            parameters.and("beforeId", before.numericId());
        }
        return find(query + " order by id desc", parameters).page(0, limit + 1).list();
    }
}

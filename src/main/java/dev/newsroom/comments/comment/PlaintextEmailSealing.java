package dev.newsroom.comments.comment;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.util.List;

/**
 * Seals, at startup, the emails that versions before V4 stored in plain text, and indexes them, so
 * an upgraded database keeps no readable email. A no-op once done; runs in batches.
 */
@ApplicationScoped
class PlaintextEmailSealing {

    private static final int BATCH = 500;

    private final EntityManager entityManager;
    private final EmailVault vault;
    private final BlindIndex index;

    PlaintextEmailSealing(EntityManager entityManager, EmailVault vault, BlindIndex index) {
        this.entityManager = entityManager;
        this.vault = vault;
        this.index = index;
    }

    void onStart(@Observes StartupEvent event) {
        int sealed = 0;
        int batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(this::sealBatch);
            sealed += batch;
        } while (batch == BATCH);
        if (sealed > 0) {
            Log.infof("Sealed %d emails stored in plain text by an earlier version", sealed);
        }
    }

    int sealBatch() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("select id, email from comment where email is not null")
                .setMaxResults(BATCH).getResultList();
        for (Object[] row : rows) {
            String id = (String) row[0];
            String email = (String) row[1];
            entityManager.createNativeQuery("update comment set email_sealed = ?1, email_index = coalesce(email_index, ?2),"
                    + " email = null where id = ?3")
                    .setParameter(1, vault.seal(email, id)).setParameter(2, index.email(email)).setParameter(3, id)
                    .executeUpdate();
        }
        return rows.size();
    }
}

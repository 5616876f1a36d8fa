package dev.newsroom.comments.comment;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.util.List;

/**
 * Gives the authors that V10__authors.sql created from earlier comments their author id, which
 * needs the service's key. After that first start it finds nothing to do (one indexed lookup).
 * Several instances starting at once compute the same ids, so their updates agree.
 */
@ApplicationScoped
class AuthorIds {

    private static final int BATCH = 500;

    private final EntityManager entityManager;
    private final BlindIndex index;

    AuthorIds(EntityManager entityManager, BlindIndex index) {
        this.entityManager = entityManager;
        this.index = index;
    }

    void assignMissing(@Observes StartupEvent event) {
        List<String> missing;
        do {
            missing = QuarkusTransaction.requiringNew().call(() -> {
                List<String> batch = entityManager.createQuery("select a.emailIndex from Author a where a.authorId is null",
                        String.class).setMaxResults(BATCH).getResultList();
                for (String emailIndex : batch) {
                    entityManager.createQuery("update Author a set a.authorId = :id where a.emailIndex = :index")
                            .setParameter("id", index.author(emailIndex)).setParameter("index", emailIndex)
                            .executeUpdate();
                }
                return batch;
            });
        } while (missing.size() == BATCH);
    }
}

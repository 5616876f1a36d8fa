package dev.newsroom.comments.storage;

import io.quarkus.arc.InjectableInstance;
import io.quarkus.hibernate.orm.PersistenceUnit;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import javax.sql.DataSource;

/**
 * Gives the rest of the code one unqualified {@link EntityManager} and {@link DataSource}: those
 * of whichever database {@link DatabaseSelection} activated. Both persistence units map the same
 * entities; the inactive one never starts, so nothing may inject it directly.
 */
@Singleton
class ActivePersistenceUnit {

    @Produces
    @Singleton
    EntityManager entityManager(@PersistenceUnit("h2") InjectableInstance<EntityManager> h2,
            @PersistenceUnit("postgresql") InjectableInstance<EntityManager> postgresql) {
        // The injected EntityManager is Quarkus's transaction-scoped proxy, safe to share.
        return h2.getHandle().getBean().isActive() ? h2.get() : postgresql.get();
    }

    @Produces
    @Singleton
    @ActiveDataSource
    DataSource dataSource(InjectableInstance<DataSource> h2,
            @io.quarkus.agroal.DataSource("postgresql") InjectableInstance<DataSource> postgresql) {
        return h2.getHandle().getBean().isActive() ? h2.get() : postgresql.get();
    }
}

package dev.newsroom.comments.storage;

import jakarta.inject.Qualifier;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The JDBC {@link javax.sql.DataSource} of the database in use (H2 or PostgreSQL). The unqualified
 * DataSource is always the H2 one, inactive on PostgreSQL deployments.
 */
@Qualifier
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE })
public @interface ActiveDataSource {
}

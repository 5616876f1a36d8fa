package bench;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.UuidGenerator;

/**
 * Roughly one row of the service's {@code comment} table (V1__create_schema.sql): the same column
 * types for what a reader posts, a time-ordered (version 7) UUID string key like the service's
 * comment ids, and one secondary index where the service's row has several.
 */
@Entity
@Table(name = "comment", indexes = @Index(name = "comment_article_created", columnList = "article_id, created_at"))
public class CommentRow {

    @Id
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    @Column(length = 36)
    public String id;

    @Column(name = "article_id", length = 128, nullable = false)
    public String articleId;

    @Column(name = "author_name", length = 200, nullable = false)
    public String name;

    @Column(length = 254, nullable = false)
    public String email;

    @Column(length = 20000, nullable = false)
    public String body;

    @Column(length = 16, nullable = false)
    public String status;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}

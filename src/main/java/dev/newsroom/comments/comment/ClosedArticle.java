package dev.newsroom.comments.comment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An article that takes no new comments; its published comments stay visible. */
@Entity
@Table(name = "closed_article")
class ClosedArticle {

    @Id
    @Column(name = "article_id")
    String articleId;

    @Column(name = "closed_at", nullable = false)
    Instant closedAt;

    @Column(name = "closed_by", nullable = false)
    String closedBy;
}

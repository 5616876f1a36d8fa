package dev.newsroom.comments.privacy;

import dev.newsroom.comments.comment.ArticleChanged;
import dev.newsroom.comments.comment.AuditEntry;
import dev.newsroom.comments.comment.AuditTrail;
import dev.newsroom.comments.comment.BlindIndex;
import dev.newsroom.comments.comment.Comment;
import dev.newsroom.comments.comment.CommentRepository;
import dev.newsroom.comments.comment.Authors;
import dev.newsroom.comments.comment.ModerationViews;
import dev.newsroom.comments.comment.ModerationView;
import dev.newsroom.comments.event.EventLog;
import dev.newsroom.comments.event.EventTypes;
import dev.newsroom.comments.event.PublishedChange;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * The rights of commenters (GDPR art. 15 and 17): every comment stored with an email, found
 * through the blind index, and its erasure. An erasure leaves nothing stored that leads back to
 * the email: the sealed email, its index, the client fingerprint, the name and website go, and so
 * do the request hashes of the captchas those comments spent. The audit trail records the erasure
 * per comment, without the email.
 */
@ApplicationScoped
class PrivacyService {

    private final Event<ArticleChanged> articleChanged;
    private final CommentRepository comments;
    private final BlindIndex index;
    private final ModerationViews views;
    private final Authors authors;
    private final EventLog events;
    private final EntityManager entityManager;
    private final AuditTrail audit;
    private final Clock clock;

    PrivacyService(CommentRepository comments, BlindIndex index, ModerationViews views, Authors authors,
            EventLog events, EntityManager entityManager, AuditTrail audit, Event<ArticleChanged> articleChanged,
            Clock clock) {
        this.events = events;
        this.views = views;
        this.authors = authors;
        this.articleChanged = articleChanged;
        this.comments = comments;
        this.index = index;
        this.entityManager = entityManager;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    List<ModerationView> export(String email) {
        return views.of(comments.findByEmailIndex(index.email(email)));
    }

    @Transactional
    int erase(String email, boolean deleteComments, String administrator) {
        String emailIndex = index.email(email);
        List<Comment> found = comments.findByEmailIndex(emailIndex);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if (!found.isEmpty()) {
            entityManager.createQuery("update SpentCaptcha set requestHash = null where commentId in :ids")
                    .setParameter("ids", found.stream().map(Comment::id).toList()).executeUpdate();
        }
        Map<String, Integer> perArticle = new java.util.TreeMap<>();
        for (Comment comment : found) {
            String from = comment.status().wireName();
            if (deleteComments) {
                events.redact(comment.id(), null, true);
                comments.delete(comment);
            } else {
                comments.erasePersonalData(comment, administrator, now);
                events.redact(comment.id(), views.of(comment), true);
            }
            perArticle.merge(comment.articleId(), 1, Integer::sum);
            articleChanged.fire(new ArticleChanged(comment.articleId()));
            audit.append(new AuditEntry(now, administrator, "erase", comment.id(), comment.articleId(), from,
                    deleteComments ? null : comment.status().wireName()));
        }
        authors.forget(emailIndex); // the standing, the counts and the author id go with the link to the email
        // One event per article, counts only: a list of the comments would tie them to one person again.
        perArticle.forEach((articleId, erased) -> events.other(EventTypes.PRIVACY_ERASED, articleId, administrator,
                Map.of("comments", erased, "deleted", deleteComments), PublishedChange.UPDATED));
        Log.infof("Erased the personal data of %d comments", found.size());
        return found.size();
    }
}

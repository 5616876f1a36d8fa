package dev.newsroom.comments.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsroom.comments.comment.Comment;
import dev.newsroom.comments.comment.ModerationView;
import dev.newsroom.comments.comment.ModerationViews;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Appends events (API.md §6) in the transaction of the change they describe, so there is no event
 * without its change and no change without its event. Comment events carry the moderator item
 * without the email; nothing here ever writes an email.
 */
@ApplicationScoped
public class EventLog {

    /** The fields of a comment's data that hold what a reader wrote, or who they are. */
    private static final List<String> WRITTEN = List.of("name", "website", "body", "bodyHtml");

    private final EntityManager entityManager;
    private final ObjectMapper json;
    /** The same mapper, but a moderator item leaves out its {@code email}: what events hold of a comment. */
    private final ObjectMapper withoutEmail;
    private final ModerationViews views;
    private final jakarta.enterprise.event.Event<EventsAppended> appended;
    private final Clock clock;
    private final io.micrometer.core.instrument.Counter written;

    EventLog(EntityManager entityManager, ObjectMapper json, ModerationViews views,
            jakarta.enterprise.event.Event<EventsAppended> appended, Clock clock,
            io.micrometer.core.instrument.MeterRegistry registry) {
        this.written = io.micrometer.core.instrument.Counter.builder("comments.events.written")
                .description("Events appended to the log (counted before their transaction commits)").register(registry);
        this.entityManager = entityManager;
        this.json = json;
        this.withoutEmail = json.copy().addMixIn(ModerationView.class, WithoutEmail.class);
        this.views = views;
        this.appended = appended;
        this.clock = clock;
    }

    /** A comment's event, its data the comment's moderator item as it is now. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void comment(String type, Comment comment, String actor, PublishedChange change) {
        comment(type, views.of(comment), actor, change);
    }

    /** The same with the item already built (intake builds it without a query). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void comment(String type, ModerationView item, String actor, PublishedChange change) {
        append(type, item.articleId(), item.id(), actor, change, write(withoutEmail, item));
    }

    /** The same event for many comments (a batch of a bulk action), their items read in one go. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void comments(String type, List<Comment> comments, String actor, Function<Comment, PublishedChange> change) {
        List<ModerationView> items = views.of(comments);
        for (int i = 0; i < comments.size(); i++) {
            ModerationView item = items.get(i);
            append(type, item.articleId(), item.id(), actor, change.apply(comments.get(i)), write(withoutEmail, item));
        }
    }

    /** A comment deleted: the event says which, and holds nothing it said. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void deleted(Comment comment, String actor, PublishedChange change) {
        append(EventTypes.DELETED, comment.articleId(), comment.id(), actor, change,
                json.createObjectNode().put("id", comment.id()).put("articleId", comment.articleId())
                        .put("status", comment.status().wireName()).toString());
    }

    /**
     * Any other event (article, author, settings, privacy, a webhook's test): data given as a small
     * map of plain values. Answers the event, whose id {@link #awaitId} tells once it committed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Event other(String type, String articleId, String actor, Map<String, ?> data) {
        return other(type, articleId, actor, data, null);
    }

    /** The same, for a change of an article's published page as a whole (an erasure). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Event other(String type, String articleId, String actor, Map<String, ?> data, PublishedChange change) {
        return append(type, articleId, null, actor, change, write(json, data));
    }

    /**
     * The id of an event appended by a transaction that committed, once {@link EventRelay} gave it
     * one (right after the commit, on this instance); empty if that took longer than {@code timeout}.
     * Call it outside any transaction.
     */
    public Optional<String> awaitId(Event event, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Long position = QuarkusTransaction.requiringNew().call(() -> entityManager
                    .createQuery("select e.position from Event e where e.seq = :seq", Long.class)
                    .setParameter("seq", event.seq()).getResultStream().filter(Objects::nonNull).findFirst()
                    .orElse(null));
            if (position != null) {
                return Optional.of(position.toString());
            }
            if (System.nanoTime() > deadline) {
                return Optional.empty();
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }

    /** The event with this id as the API shows it (a webhook's body), if it is still kept. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<EventView> view(long position) {
        return entityManager.createQuery("from Event e where e.position = :position", Event.class)
                .setParameter("position", position).getResultStream().findFirst().map(EventView::of);
    }

    /**
     * Takes a comment's old text out of its stored events (API.md §6): after an edit they show the
     * current name, website and text; after a deletion or an erasure ({@code current} null, or
     * {@code erased}) none, and no author. What webhooks delivered already is beyond recall.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void redact(String commentId, ModerationView current, boolean erased) {
        List<Event> events = entityManager.createQuery("from Event e where e.commentId = :id", Event.class)
                .setParameter("id", commentId).getResultList();
        JsonNode now = current == null ? null : withoutEmail.valueToTree(current);
        for (Event event : events) {
            JsonNode data = read(event.data());
            if (!(data instanceof ObjectNode object)) {
                continue;
            }
            for (String field : WRITTEN) {
                if (object.has(field)) {
                    object.set(field, now == null ? null : now.get(field)); // erased: "Anonymous", no website
                }
            }
            if (erased || current == null) {
                object.remove(List.of("authorId", "author"));
            }
            event.rewriteData(object.toString());
        }
    }

    private Event append(String type, String articleId, String commentId, String actor, PublishedChange change,
            String data) {
        Event event = new Event(type, clock.instant().truncatedTo(ChronoUnit.MILLIS), articleId, commentId, actor,
                change == null ? null : change.wireName(), data);
        entityManager.persist(event);
        written.increment();
        appended.fire(new EventsAppended());
        return event;
    }

    private static String write(ObjectMapper mapper, Object data) {
        try {
            return mapper.writeValueAsString(data);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("An event's data cannot be written as JSON", e);
        }
    }

    /** Leaves the email out of an event's data: events are kept and sent to webhooks, emails never. */
    @JsonIgnoreProperties("email")
    private abstract static class WithoutEmail {
    }

    private JsonNode read(String data) {
        try {
            return data == null ? null : json.readTree(data);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("An event's stored data is not JSON", e);
        }
    }

    /** Positioned events after {@code position}, oldest first, of one type if given. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Event> after(long position, String type, int limit) {
        var query = entityManager.createQuery("from Event e where e.position > :after"
                + (type == null ? "" : " and e.type = :type") + " order by e.position", Event.class)
                .setParameter("after", position);
        if (type != null) {
            query.setParameter("type", type);
        }
        return query.setMaxResults(limit).getResultList();
    }

    /** Marks "now" for observers that wait for new events; fired in the appending transaction. */
    public record EventsAppended() {
    }
}

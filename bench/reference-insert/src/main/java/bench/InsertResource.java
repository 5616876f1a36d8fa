package bench;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * Why this app exists: issue 21 asks how the service's posts compare with the cheapest durable
 * write the same stack can make. POST /insert is that write: the JSON a reader posts (minus the
 * captcha), one comment-sized row persisted through Hibernate ORM in one transaction into an H2
 * file database, answered 201 only once H2 has stored the commit ({@link GroupStore}, the
 * service's durability). No validation, captcha, spam rules, events or counts: the ceiling of a
 * durable Hibernate write on this stack and machine. bench/run.sh runs it as scenario (f) and
 * reports the service's posts (c) as a ratio of it, in the same run ({@code vs insert}; the issue
 * aims at 0.7 or more). A separate app from bench/reference, whose startup without Hibernate and
 * H2 is the baseline of the startup table.
 *
 * <p>Plain (non-reactive) return types: both endpoints run on worker threads, as the service's do.
 */
@Path("/insert")
public class InsertResource {

    /** What bench/insert.lua posts: the fields of bench/post-solved.lua's post, plus its article. */
    public record NewComment(String articleId, String name, String email, String body) {
    }

    public record Created(String id) {
    }

    private final Inserts inserts;
    private final GroupStore groupStore;

    InsertResource(Inserts inserts, GroupStore groupStore) {
        this.inserts = inserts;
        this.groupStore = groupStore;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response insert(NewComment comment) {
        if (comment == null || comment.articleId() == null || comment.name() == null || comment.email() == null
                || comment.body() == null) {
            return Response.status(Response.Status.BAD_REQUEST).build();
        }
        String id = inserts.insert(comment.articleId(), comment.name(), comment.email(), comment.body());
        groupStore.awaitStored();   // after the commit, before the answer
        return Response.status(Response.Status.CREATED).entity(new Created(id)).build();
    }

    /** The rows so far: bench/run.sh's readiness check, and the count it notes after (f). */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Long> rows() {
        return Map.of("rows", inserts.count());
    }
}

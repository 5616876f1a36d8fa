package dev.newsroom.comments.moderation;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies one action to many comments. Each comment is decided in a transaction of its own (the
 * decision methods are transactional and this class is not), so one missing or failing id never
 * undoes the others, and each change has its own audit entry.
 */
@ApplicationScoped
class BulkModeration {

    private final ModerationService moderation;

    BulkModeration(ModerationService moderation) {
        this.moderation = moderation;
    }

    BulkResult apply(BulkRequest request, String moderator) {
        List<BulkResult.Item> results = new ArrayList<>(request.ids().size());
        for (String id : request.ids()) {
            results.add(applyTo(id, request.action(), new DecisionReason(request.reason(), request.note()), moderator));
        }
        return new BulkResult(results);
    }

    private BulkResult.Item applyTo(String id, String action, DecisionReason why, String moderator) {
        try {
            if (action.equals("delete")) {
                moderation.delete(id, null, moderator, why);
                return new BulkResult.Item(id, null, null);
            }
            Decision decision = Decision.valueOf(action.toUpperCase(java.util.Locale.ROOT));
            return new BulkResult.Item(id, moderation.decide(id, decision, null, moderator, why).view().status().wireName(),
                    null);
        } catch (CommentNotFoundException e) {
            return new BulkResult.Item(id, null, BulkResult.Item.NOT_FOUND);
        } catch (RuntimeException e) {
            // A concurrent delete of the same comment, for instance; the other ids go on.
            Log.warnf("Bulk %s of one comment failed with %s", action, e.getClass().getName());
            return new BulkResult.Item(id, null, BulkResult.Item.CONFLICT);
        }
    }
}

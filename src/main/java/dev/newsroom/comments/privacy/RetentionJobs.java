package dev.newsroom.comments.privacy;

import dev.newsroom.comments.comment.CommentRepository;
import dev.newsroom.comments.comment.PrivacyConfig;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;

/**
 * Keeps personal data no longer than needed: spam and rejected comments are deleted after
 * {@code comments.privacy.rejected-retention} (like WordPress's trash), client-address fingerprints
 * are forgotten after {@code comments.privacy.address-retention}. Pending comments are never
 * deleted automatically. Any instance may run the jobs.
 */
@ApplicationScoped
class RetentionJobs {

    private final CommentRepository comments;
    private final PrivacyConfig config;
    private final Clock clock;

    RetentionJobs(CommentRepository comments, PrivacyConfig config, Clock clock) {
        this.comments = comments;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void apply() {
        long deleted = comments.deleteRejectedAndSpamBefore(clock.instant().minus(config.rejectedRetention()));
        int forgotten = comments.forgetClientsBefore(clock.instant().minus(config.addressRetention()));
        Log.infof("Retention: deleted %d spam or rejected comments, forgot %d client fingerprints", deleted, forgotten);
    }
}

package dev.newsroom.comments.publication;

import dev.newsroom.comments.comment.Comment;
import dev.newsroom.comments.comment.CommentRepository;
import dev.newsroom.comments.comment.PublicComment;
import dev.newsroom.comments.web.Cursor;
import dev.newsroom.comments.web.KeysetPage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What readers see: approved comments only, through {@link PublicComment} only. */
@ApplicationScoped
class PublicationService {

    private final CommentRepository comments;

    PublicationService(CommentRepository comments) {
        this.comments = comments;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    PublishedPage approvedComments(String articleId, CommentRepository.Order order, Cursor after, int limit) {
        KeysetPage<Comment> page = KeysetPage.of(comments.findApprovedByArticle(articleId, order, after, limit), limit,
                Comment::position);
        return new PublishedPage(articleId, comments.countApprovedByArticle(articleId), page.nextCursor(),
                page.items().stream().map(PublicComment::of).toList());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    CommentCounts approvedCounts(List<String> articleIds) {
        Map<String, Long> found = comments.countApprovedByArticles(articleIds);
        Map<String, Long> counts = new LinkedHashMap<>();
        articleIds.forEach(id -> counts.put(id, found.getOrDefault(id, 0L)));
        return new CommentCounts(counts);
    }
}

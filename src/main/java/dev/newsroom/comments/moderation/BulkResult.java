package dev.newsroom.comments.moderation;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** What happened to each id of a bulk request, in the order given. */
record BulkResult(List<Item> results) {

    /** {@code status} is the comment's status afterwards (null once deleted, or on error). */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Item(String id, String status, String error) {

        static final String NOT_FOUND = "not-found";
        static final String CONFLICT = "conflict";
    }
}

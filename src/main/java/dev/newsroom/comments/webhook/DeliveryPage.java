package dev.newsroom.comments.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of a webhook's deliveries, newest event first. */
record DeliveryPage(List<DeliveryView> deliveries,
        @Schema(description = "Pass as cursor= for the next page; null on the last page", nullable = true)
        @JsonInclude(JsonInclude.Include.ALWAYS) String nextCursor) {
}

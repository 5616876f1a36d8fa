package dev.newsroom.comments.comment;

import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Locale;
import java.util.Optional;

/** Where a comment stands in moderation; the lower-case name is both the wire and the stored form. */
public enum CommentStatus {
    PENDING, APPROVED, REJECTED, SPAM;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<CommentStatus> fromWireName(String value) {
        for (CommentStatus status : values()) {
            if (status.wireName().equals(value)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }

    @Converter(autoApply = true)
    static class ColumnConverter implements AttributeConverter<CommentStatus, String> {

        @Override
        public String convertToDatabaseColumn(CommentStatus status) {
            return status == null ? null : status.wireName();
        }

        @Override
        public CommentStatus convertToEntityAttribute(String column) {
            return column == null ? null : fromWireName(column).orElseThrow(
                    () -> new IllegalStateException("Unknown comment status in the database: " + column));
        }
    }
}

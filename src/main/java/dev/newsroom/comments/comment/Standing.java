package dev.newsroom.comments.comment;

import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Locale;
import java.util.Optional;

/**
 * What moderators decided about an author (API.md §5), applied at intake whatever the moderation
 * policy: {@code banned} files every comment as spam, {@code premoderated} holds every comment,
 * {@code trusted} publishes at once unless a spam rule fires. The lower-case name is both the wire
 * and the stored form.
 */
public enum Standing {
    NORMAL, TRUSTED, PREMODERATED, BANNED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Standing> fromWireName(String value) {
        for (Standing standing : values()) {
            if (standing.wireName().equals(value)) {
                return Optional.of(standing);
            }
        }
        return Optional.empty();
    }

    @Converter(autoApply = true)
    static class ColumnConverter implements AttributeConverter<Standing, String> {

        @Override
        public String convertToDatabaseColumn(Standing standing) {
            return standing == null ? null : standing.wireName();
        }

        @Override
        public Standing convertToEntityAttribute(String column) {
            return column == null ? null : fromWireName(column).orElseThrow(
                    () -> new IllegalStateException("Unknown standing in the database: " + column));
        }
    }
}

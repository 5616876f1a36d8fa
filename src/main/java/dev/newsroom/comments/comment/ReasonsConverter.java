package dev.newsroom.comments.comment;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.List;

/** Stores the moderation reasons (short codes such as {@code too-many-links}) one per line in a single column. */
@Converter
class ReasonsConverter implements AttributeConverter<List<String>, String> {

    @Override
    public String convertToDatabaseColumn(List<String> reasons) {
        return reasons == null ? "" : String.join("\n", reasons);
    }

    @Override
    public List<String> convertToEntityAttribute(String column) {
        return column == null || column.isBlank() ? new java.util.ArrayList<>()
                : new java.util.ArrayList<>(Arrays.asList(column.trim().split("\n+")));
    }
}

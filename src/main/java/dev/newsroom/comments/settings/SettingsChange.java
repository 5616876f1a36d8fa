package dev.newsroom.comments.settings;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code PUT /admin/settings}: the fields to change; an absent (or null) field keeps its value. An
 * unknown field is a 400, not ignored as elsewhere: a mistyped surge switch must not answer 200.
 */
record SettingsChange(
        @Schema(enumeration = { "hold-all", "trust-returning" }, nullable = true)
        @Pattern(regexp = "hold-all|trust-returning", message = "must be hold-all or trust-returning")
        String moderationPolicy,
        @Schema(minimum = "0", maximum = "1000", nullable = true)
        @Min(value = 0, message = "must be from 0 to 1000") @Max(value = 1000, message = "must be from 0 to 1000")
        Integer reportsToHold,
        /** Whatever else the object held: must be nothing (the service's JSON otherwise ignores unknown fields). */
        @JsonAnySetter @Schema(hidden = true)
        @Size(max = 0, message = "must hold only moderationPolicy and reportsToHold") Map<String, Object> unknown) {
}

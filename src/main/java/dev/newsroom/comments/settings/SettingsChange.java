package dev.newsroom.comments.settings;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code PUT /admin/settings}: the fields to change; an absent (or null) field keeps its value. */
record SettingsChange(
        @Schema(enumeration = { "hold-all", "trust-returning" }, nullable = true)
        @Pattern(regexp = "hold-all|trust-returning", message = "must be hold-all or trust-returning")
        String moderationPolicy,
        @Schema(minimum = "0", maximum = "1000", nullable = true)
        @Min(value = 0, message = "must be from 0 to 1000") @Max(value = 1000, message = "must be from 0 to 1000")
        Integer reportsToHold) {
}

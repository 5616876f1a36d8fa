package dev.newsroom.comments.account;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An account an administrator creates. The password is hashed at once and never shown again. */
record NewAccount(
        @Schema(description = "1–64 characters of A–Z a–z 0–9 . _ -")
        @NotNull(message = "is required")
        @Pattern(regexp = "[A-Za-z0-9._-]{1,64}", message = "must be 1 to 64 characters of A-Z a-z 0-9 . _ -")
        String username,

        @Schema(description = "12 to 72 bytes (bcrypt reads no further)")
        @NotNull(message = "is required") @AccountPassword String password,

        @Schema(enumeration = { "moderator", "admin" })
        @NotNull(message = "is required")
        @Pattern(regexp = "moderator|admin", message = "must be moderator or admin") String role) {

    @Override
    public String toString() {
        return "NewAccount[" + username + ", " + role + "]"; // never the password
    }
}

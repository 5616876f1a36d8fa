package dev.newsroom.comments.privacy;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Whose data: an email travels in the body, never in a URL. */
record PrivacyRequest(
        @NotBlank(message = "is required") @Size(max = 254, message = "must be at most 254 characters") String email,
        @Schema(description = "Erase only: delete the comments too instead of keeping the approved text")
        Boolean deleteComments) {

    @Override
    public String toString() {
        return "PrivacyRequest[deleteComments=" + deleteComments + "]"; // never the email
    }
}

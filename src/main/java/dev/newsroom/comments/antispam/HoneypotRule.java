package dev.newsroom.comments.antispam;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** The form's hidden {@code homepage} field is invisible to people; anything typed into it came from a bot. */
@ApplicationScoped
class HoneypotRule implements IntakeRule {

    static final String REASON = "honeypot";

    @Override
    public Optional<Verdict> judge(Candidate candidate) {
        boolean filled = candidate.honeypot() != null && !candidate.honeypot().isBlank();
        return filled ? Optional.of(Verdict.spam(REASON)) : Optional.empty();
    }
}

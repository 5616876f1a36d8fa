package dev.newsroom.comments.antispam;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.regex.Pattern;

/** Links are what comment spam sells: from {@code max-links} links (the website counts) a comment is held. */
@ApplicationScoped
class LinkCountRule implements IntakeRule {

    static final String REASON = "too-many-links";
    // Linear: a scheme or "www." at a word start; each match consumes at least four characters.
    private static final Pattern LINK = Pattern.compile("(?i)\\b(?:https?://|www\\.)");

    private final int maxLinks;

    @Inject
    LinkCountRule(AntispamConfig config) {
        this(config.maxLinks());
    }

    LinkCountRule(int maxLinks) {
        this.maxLinks = maxLinks;
    }

    @Override
    public Optional<Verdict> judge(Candidate candidate) {
        long links = LINK.matcher(candidate.body()).results().count() + (candidate.website() == null ? 0 : 1);
        return links >= maxLinks ? Optional.of(Verdict.hold(REASON)) : Optional.empty();
    }
}

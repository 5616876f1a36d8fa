package dev.newsroom.comments.antispam;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** A word of {@code comments.antispam.held-words} in the name, email, website or body holds the comment. */
@ApplicationScoped
class HeldWordsRule implements IntakeRule {

    private final WordList words;

    HeldWordsRule(AntispamConfig config) {
        this.words = new WordList(config.heldWords());
    }

    @Override
    public Optional<Verdict> judge(Candidate c) {
        return words.firstIn(c.name(), c.email(), c.website(), c.body()).map(word -> Verdict.hold("held-word:" + word));
    }
}

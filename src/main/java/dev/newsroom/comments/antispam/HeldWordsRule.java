package dev.newsroom.comments.antispam;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/** A word of {@code comments.antispam.held-words} in the name, email, website or body holds the comment. */
@ApplicationScoped
class HeldWordsRule implements IntakeRule {

    private final WordList words;

    @Inject
    HeldWordsRule(AntispamConfig config) {
        this(config.heldWords().orElse(List.of()));
    }

    HeldWordsRule(List<String> words) {
        this.words = new WordList(words);
    }

    @Override
    public Optional<Verdict> judge(Candidate c) {
        return words.firstIn(c.name(), c.email(), c.website(), c.body()).map(word -> Verdict.hold("held-word:" + word));
    }
}

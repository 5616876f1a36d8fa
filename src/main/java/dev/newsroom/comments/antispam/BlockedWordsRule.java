package dev.newsroom.comments.antispam;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/** A word of {@code comments.antispam.blocked-words} in the name, email, website or body files the comment as spam. */
@ApplicationScoped
class BlockedWordsRule implements IntakeRule {

    private final WordList words;

    @Inject
    BlockedWordsRule(AntispamConfig config) {
        this(config.blockedWords().orElse(List.of()));
    }

    BlockedWordsRule(List<String> words) {
        this.words = new WordList(words);
    }

    @Override
    public Optional<Verdict> judge(Candidate c) {
        return words.firstIn(c.name(), c.email(), c.website(), c.body()).map(word -> Verdict.spam("blocked-word:" + word));
    }
}

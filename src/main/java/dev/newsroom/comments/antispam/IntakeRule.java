package dev.newsroom.comments.antispam;

import java.util.Optional;

/** One check of the intake pipeline: a verdict when the rule fires, empty when it has nothing to say. */
interface IntakeRule {

    Optional<Verdict> judge(Candidate candidate);
}

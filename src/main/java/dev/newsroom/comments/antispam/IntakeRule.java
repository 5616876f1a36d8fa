package dev.newsroom.comments.antispam;

import java.util.Optional;

/**
 * One check of the intake pipeline. It either refuses the submission outright by throwing a
 * {@code ProblemException} (429 flood, 409 duplicate: nothing is stored), or returns a verdict
 * when it fires, or empty when it has nothing to say.
 */
interface IntakeRule {

    Optional<Verdict> judge(Candidate candidate);
}

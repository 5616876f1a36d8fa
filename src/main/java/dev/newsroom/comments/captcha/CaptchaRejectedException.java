package dev.newsroom.comments.captcha;

import dev.newsroom.comments.web.Problem;
import dev.newsroom.comments.web.ProblemException;
import java.util.List;

/** A submission's captcha did not pass; API.md names the field {@code captchaAnswer} for all of them. */
public class CaptchaRejectedException extends ProblemException {

    /** Why, also the {@code reason} tag of the {@code captcha.failures} metric. */
    public enum Reason {
        INVALID("is not a captcha this service issued; request a new one"),
        EXPIRED("belongs to an expired captcha; request a new one"),
        ALREADY_USED("belongs to a captcha that was already used; request a new one"),
        WRONG("is not the right answer; request a new captcha");

        final String message;

        Reason(String message) {
            this.message = message;
        }
    }

    private final Reason reason;

    CaptchaRejectedException(Reason reason) {
        super(400, "Captcha not solved", "The captcha answer was not accepted.",
                List.of(new Problem.Violation("captchaAnswer", reason.message)), null);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /**
     * A wrong answer to an authentic token. The transaction that redeemed the token must still
     * commit (the token is spent either way), so callers list this type in {@code dontRollbackOn}.
     */
    public static class WrongAnswer extends CaptchaRejectedException {
        WrongAnswer() {
            super(Reason.WRONG);
        }
    }
}

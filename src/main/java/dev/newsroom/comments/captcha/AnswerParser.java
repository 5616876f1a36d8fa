package dev.newsroom.comments.captcha;

import java.util.OptionalInt;

/**
 * Reads a reader's answer: ASCII digits ({@code 7}, {@code 07}, surrounding spaces ignored) or
 * English words ({@code seven}, {@code Twenty one}). Signs, decimals, other scripts' digits
 * ({@code ٥}, {@code ５}) and anything longer than {@value #MAX_LENGTH} characters are not answers.
 */
public final class AnswerParser {

    static final int MAX_LENGTH = 32;

    private AnswerParser() {
    }

    public static OptionalInt parse(String raw) {
        if (raw == null || raw.length() > MAX_LENGTH) {
            return OptionalInt.empty();
        }
        String answer = raw.strip();
        if (answer.isEmpty()) {
            return OptionalInt.empty();
        }
        if (answer.length() <= 3 && answer.chars().allMatch(c -> c >= '0' && c <= '9')) {
            // Integer.parseInt would also accept non-ASCII digits; the check above rules them out.
            return OptionalInt.of(Integer.parseInt(answer));
        }
        return NumberWords.parse(answer);
    }
}

package dev.newsroom.comments.captcha;

import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.util.random.RandomGenerator;

/**
 * Draws questions such as {@code 5 × one =}: operands 0–20, at least one of them written as a
 * word, {@code +}, {@code −} (U+2212) or {@code ×} (U+00D7), and an answer from 0 to 100.
 */
@ApplicationScoped
class QuestionGenerator {

    static final char MINUS = '\u2212';
    static final char TIMES = '\u00D7';
    private static final int MAX_OPERAND = 20;
    private static final int MAX_ANSWER = 100;

    record Question(String text, int answer) {
    }

    private final RandomGenerator random;

    QuestionGenerator() {
        this(new SecureRandom());
    }

    QuestionGenerator(RandomGenerator random) {
        this.random = random;
    }

    Question next() {
        int a = random.nextInt(MAX_OPERAND + 1);
        int b;
        char operator;
        int answer;
        switch (random.nextInt(3)) {
            case 0 -> {
                operator = '+';
                b = random.nextInt(MAX_OPERAND + 1);
                answer = a + b;
            }
            case 1 -> {
                operator = MINUS;
                b = random.nextInt(a + 1); // never negative
                answer = a - b;
            }
            default -> {
                operator = TIMES;
                b = random.nextInt(Math.min(MAX_OPERAND, a == 0 ? MAX_OPERAND : MAX_ANSWER / a) + 1);
                answer = a * b;
            }
        }
        int wordMask = 1 + random.nextInt(3); // 1: first operand as a word, 2: second, 3: both
        String text = operand(a, (wordMask & 1) != 0) + " " + operator + " " + operand(b, (wordMask & 2) != 0) + " =";
        return new Question(text, answer);
    }

    private static String operand(int value, boolean asWord) {
        return asWord ? NumberWords.forOperand(value) : Integer.toString(value);
    }
}

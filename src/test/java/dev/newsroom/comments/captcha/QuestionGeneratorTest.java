package dev.newsroom.comments.captcha;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class QuestionGeneratorTest {

    private static final String OPERAND = "(\\d{1,2}|[a-z]+)";
    private static final Pattern SHAPE = Pattern.compile(OPERAND + " ([+\u2212\u00D7]) " + OPERAND + " =");

    private final QuestionGenerator generator = new QuestionGenerator(new Random(42));

    @Test
    void everyQuestionHasTheContractShapeAndAnAnswerFromZeroToHundred() {
        Set<Character> operators = new HashSet<>();
        for (int i = 0; i < 20_000; i++) {
            QuestionGenerator.Question question = generator.next();
            var matcher = SHAPE.matcher(question.text());
            assertTrue(matcher.matches(), question.text());
            String a = matcher.group(1);
            String b = matcher.group(3);
            assertTrue(isWord(a) || isWord(b), "at least one operand in words: " + question.text());
            int left = value(a);
            int right = value(b);
            assertTrue(left >= 0 && left <= 20 && right >= 0 && right <= 20, question.text());
            char operator = matcher.group(2).charAt(0);
            operators.add(operator);
            int expected = switch (operator) {
                case '+' -> left + right;
                case '\u2212' -> left - right;
                default -> left * right;
            };
            assertEquals(expected, question.answer(), question.text());
            assertTrue(expected >= 0 && expected <= 100, question.text());
        }
        assertEquals(Set.of('+', '\u2212', '\u00D7'), operators);
    }

    private static boolean isWord(String operand) {
        return Character.isLetter(operand.charAt(0));
    }

    private static int value(String operand) {
        return isWord(operand) ? NumberWords.parse(operand).orElseThrow() : Integer.parseInt(operand);
    }
}

package dev.newsroom.comments.captcha;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AnswerParserTest {

    @ParameterizedTest(name = "\"{0}\" reads as {1}")
    @CsvSource(delimiter = '|', value = {
            "5|5", "' 5 '|5", "05|5", "0|0", "100|100", "five|5", "FIVE|5", "Five|5", "zero|0", "twenty|20",
            "twenty-one|21", "Twenty one|21", "twenty  one|21", "ninety-nine|99", "forty|40", "hundred|100",
            "one hundred|100", "' seven '|7" })
    void acceptsDigitsAndEnglishWords(String answer, int expected) {
        assertEquals(OptionalInt.of(expected), AnswerParser.parse(answer));
    }

    @ParameterizedTest(name = "\"{0}\" is not an answer")
    @ValueSource(strings = { "", "   ", "+5", "-5", "\u22125", "5.0", "5e0", "0x5", "\uFF15", "\u0665", "1000",
            "99999999999999999999", "fivee", "twenty-zero", "one two", "twenty-twenty", "ten-one", "5 five",
            "a very long answer that goes on and on and on" })
    void refusesEverythingElse(String answer) {
        assertTrue(AnswerParser.parse(answer).isEmpty());
    }

    @Test
    void refusesNull() {
        assertTrue(AnswerParser.parse(null).isEmpty());
    }
}

package dev.newsroom.comments.captcha;

import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/** English number words: {@code zero} … {@code one hundred}, as questions show them and readers type them. */
final class NumberWords {

    private static final List<String> UNITS = List.of("zero", "one", "two", "three", "four", "five", "six", "seven",
            "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
            "eighteen", "nineteen");
    private static final List<String> TENS = List.of("", "", "twenty", "thirty", "forty", "fifty", "sixty",
            "seventy", "eighty", "ninety");
    private static final Pattern SEPARATORS = Pattern.compile("[ \\t-]+");

    private NumberWords() {
    }

    /** The lower-case word for 0–20, the operand range of questions. */
    static String forOperand(int value) {
        if (value < 0 || value > 20) {
            throw new IllegalArgumentException("Operands are 0 to 20");
        }
        return value < 20 ? UNITS.get(value) : TENS.get(2);
    }

    /**
     * Parses {@code five}, {@code Twenty one}, {@code twenty-one}, {@code hundred} or
     * {@code one hundred}; letters are compared case-insensitively. Empty when not a number word.
     */
    static OptionalInt parse(String text) {
        String[] words = SEPARATORS.split(text.toLowerCase(Locale.ROOT).strip());
        if (words.length == 1) {
            int unit = UNITS.indexOf(words[0]);
            if (unit >= 0) {
                return OptionalInt.of(unit);
            }
            int tens = TENS.indexOf(words[0]);
            if (tens >= 2) {
                return OptionalInt.of(tens * 10);
            }
            return words[0].equals("hundred") ? OptionalInt.of(100) : OptionalInt.empty();
        }
        if (words.length == 2) {
            if (words[0].equals("one") && words[1].equals("hundred")) {
                return OptionalInt.of(100);
            }
            int tens = TENS.indexOf(words[0]);
            int unit = UNITS.indexOf(words[1]);
            if (tens >= 2 && unit >= 1 && unit <= 9) {
                return OptionalInt.of(tens * 10 + unit);
            }
        }
        return OptionalInt.empty();
    }
}

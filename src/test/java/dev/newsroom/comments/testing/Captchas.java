package dev.newsroom.comments.testing;

import static io.restassured.RestAssured.given;

import io.restassured.path.json.JsonPath;
import java.util.List;

/** Fetches and solves captchas the way an article page's reader (or a determined bot) would. */
public final class Captchas {

    private static final List<String> WORDS = List.of("zero", "one", "two", "three", "four", "five", "six", "seven",
            "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
            "eighteen", "nineteen", "twenty");

    /** A challenge and its right answer. */
    public record Solved(String token, String question, int answer) {
        public String wrongAnswer() {
            return Integer.toString(answer == 100 ? 99 : answer + 1);
        }

        public String answerText() {
            return Integer.toString(answer);
        }
    }

    private Captchas() {
    }

    public static Solved fresh() {
        JsonPath captcha = given().when().get("/api/v1/captcha").then().statusCode(200).extract().jsonPath();
        String question = captcha.getString("question");
        return new Solved(captcha.getString("token"), question, solve(question));
    }

    /** Solves {@code A OP B =} as the contract defines it. */
    public static int solve(String question) {
        String[] parts = question.split(" ");
        if (parts.length != 4 || !parts[3].equals("=")) {
            throw new IllegalArgumentException("Not a captcha question: " + question);
        }
        int a = operand(parts[0]);
        int b = operand(parts[2]);
        return switch (parts[1]) {
            case "+" -> a + b;
            case "\u2212" -> a - b;
            case "\u00D7" -> a * b;
            default -> throw new IllegalArgumentException("Unknown operator in " + question);
        };
    }

    public static String inWords(int n) {
        if (n <= 20) {
            return WORDS.get(n);
        }
        String[] tens = { "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety" };
        if (n == 100) {
            return "one hundred";
        }
        return n % 10 == 0 ? tens[n / 10] : tens[n / 10] + "-" + WORDS.get(n % 10);
    }

    private static int operand(String text) {
        return text.chars().allMatch(Character::isDigit) ? Integer.parseInt(text) : WORDS.indexOf(text);
    }
}

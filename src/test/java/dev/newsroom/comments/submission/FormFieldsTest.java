package dev.newsroom.comments.submission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.newsroom.comments.web.ProblemException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class FormFieldsTest {

    private static final Set<String> KNOWN = Set.of("name", "body");

    @Test
    void decodesPercentEscapesAndPlusAsUtf8Text() {
        assertEquals(Map.of("name", "Zoë Ana", "body", "a+b=c&d"),
                parse("name=Zo%C3%AB+Ana&body=a%2Bb%3Dc%26d"));
    }

    @Test
    void skipsUnknownFieldsAndEmptyPairs() {
        assertEquals(Map.of("name", "Ana", "body", ""), parse("&&name=Ana&other=1&other=2&body&"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "name=a&name=b", "name=%FF", "name=%C3%28", "name=%ED%A0%80", "name=%E2%82",
            "name=%zz", "name=%4", "name=a%", "other=%FF", "%FF=a" })
    void refusesWhatOtherDecodersWouldGuess(String form) {
        assertThrows(ProblemException.class, () -> parse(form));
    }

    @Test
    void rawUtf8IsReadToo() {
        assertEquals(Map.of("name", "Zoë"), parse("name=Zoë"));
    }

    private static Map<String, String> parse(String form) {
        return FormFields.parse(form.getBytes(StandardCharsets.UTF_8), KNOWN);
    }
}

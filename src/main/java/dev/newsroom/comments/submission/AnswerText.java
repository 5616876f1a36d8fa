package dev.newsroom.comments.submission;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;

/**
 * Reads {@code captchaAnswer} from a JSON string or a JSON whole number ({@code "21"} or {@code 21}):
 * a page script that sends the number it parsed is not wrong. Every other text field stays strictly
 * a string.
 */
class AnswerText extends StdDeserializer<String> {

    AnswerText() {
        super(String.class);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.hasToken(JsonToken.VALUE_STRING) || parser.hasToken(JsonToken.VALUE_NUMBER_INT)) {
            return parser.getText();
        }
        return (String) context.handleUnexpectedToken(String.class, parser);
    }
}

package dev.newsroom.comments.web;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Bytes read as UTF-8 without forgiveness. The JDK's usual decoding turns bytes that are not UTF-8
 * into U+FFFD, which a comment service would then store as the reader's text; request bodies (JSON
 * and forms alike) are refused instead.
 */
public final class StrictUtf8 {

    private StrictUtf8() {
    }

    /** The text, or empty when the bytes are not UTF-8. */
    public static Optional<String> decode(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}

package dev.newsroom.comments.antispam;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A list of words (or phrases such as {@code free-money}) matched as whole words after
 * normalisation: NFKC (so full-width {@code ＶＩＡＧＲＡ} is {@code viagra}), case folding, and
 * invisible characters removed (so {@code V\u200Biagra} is too). {@code press} does not match
 * {@code WordPress}: words are runs of letters and digits, and a phrase must appear word for word.
 */
final class WordList {

    private static final Pattern INVISIBLE = Pattern.compile("[\\u00AD\\u200B-\\u200F\\u2060-\\u2064\\uFEFF]");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}\\p{M}]+");

    private record Entry(String name, List<String> words) {
    }

    private final List<Entry> entries;

    WordList(List<String> configured) {
        this.entries = configured.stream()
                .map(entry -> new Entry(normalize(entry).strip(), words(entry)))
                .filter(entry -> !entry.words().isEmpty())
                .toList();
    }

    /** The first listed entry (normalised) that appears in any of the texts. */
    Optional<String> firstIn(String... texts) {
        if (entries.isEmpty()) {
            return Optional.empty();
        }
        List<List<String>> textWords = new ArrayList<>();
        for (String text : texts) {
            if (text != null) {
                textWords.add(words(text));
            }
        }
        return entries.stream()
                .filter(entry -> textWords.stream().anyMatch(words -> Collections.indexOfSubList(words, entry.words()) >= 0))
                .map(Entry::name)
                .findFirst();
    }

    private static List<String> words(String text) {
        return Arrays.stream(NOT_WORD.split(normalize(text))).filter(word -> !word.isEmpty()).toList();
    }

    static String normalize(String text) {
        String visible = INVISIBLE.matcher(Normalizer.normalize(text, Normalizer.Form.NFKC)).replaceAll("");
        return visible.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    }
}

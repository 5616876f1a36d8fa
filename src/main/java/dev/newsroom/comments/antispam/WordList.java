package dev.newsroom.comments.antispam;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A list of words matched as whole words after normalisation: NFKC (so full-width {@code ＶＩＡＧＲＡ}
 * is {@code viagra}), case folding, and invisible characters removed (so {@code V\u200Biagra} is too).
 * {@code press} does not match {@code WordPress}: words are runs of letters and digits.
 */
final class WordList {

    private static final Pattern INVISIBLE = Pattern.compile("[\\u00AD\\u200B-\\u200F\\u2060-\\u2064\\uFEFF]");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}\\p{M}]+");

    private final Set<String> words;

    WordList(Optional<List<String>> configured) {
        this.words = configured.orElse(List.of()).stream().map(WordList::normalize).map(String::strip)
                .filter(word -> !word.isEmpty()).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** The first listed word that appears in any of the texts. */
    Optional<String> firstIn(String... texts) {
        if (words.isEmpty()) {
            return Optional.empty();
        }
        Set<String> present = new LinkedHashSet<>();
        for (String text : texts) {
            if (text != null) {
                present.addAll(Arrays.asList(NOT_WORD.split(normalize(text))));
            }
        }
        return words.stream().filter(present::contains).findFirst();
    }

    static String normalize(String text) {
        String visible = INVISIBLE.matcher(Normalizer.normalize(text, Normalizer.Form.NFKC)).replaceAll("");
        return visible.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    }
}

package dev.newsroom.comments.web;

import java.util.List;
import java.util.function.Function;

/**
 * One page cut from a keyset query that fetched {@code limit + 1} rows: the extra row only tells
 * that a next page exists, and the last row kept gives its cursor.
 */
public record KeysetPage<T>(List<T> items, String nextCursor) {

    public static <T> KeysetPage<T> of(List<T> fetched, int limit, Function<T, Cursor> cursorOf) {
        if (fetched.size() <= limit) {
            return new KeysetPage<>(fetched, null);
        }
        List<T> page = fetched.subList(0, limit);
        return new KeysetPage<>(page, cursorOf.apply(page.get(limit - 1)).encode());
    }
}

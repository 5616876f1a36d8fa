package dev.newsroom.comments.web;

/** The {@code limit} query parameter of every paginated list: default 50, at most 200. */
public final class PageLimit {

    public static final int DEFAULT = 50;
    public static final int MAX = 200;

    private PageLimit() {
    }

    /** Parses the raw parameter (ASCII digits only) or answers 400 naming {@code limit}. */
    public static int parse(String raw) {
        if (raw == null || raw.isEmpty()) {
            return DEFAULT;
        }
        if (raw.length() > 3 || !raw.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw outOfRange();
        }
        int limit = Integer.parseInt(raw);
        if (limit < 1 || limit > MAX) {
            throw outOfRange();
        }
        return limit;
    }

    private static ProblemException outOfRange() {
        return ProblemException.invalidField("limit", "must be a whole number from 1 to " + MAX);
    }
}

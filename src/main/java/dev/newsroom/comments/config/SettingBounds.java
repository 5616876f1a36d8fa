package dev.newsroom.comments.config;

/**
 * Range checks for numeric settings, run by each feature in the first startup observers (before any
 * other observer uses a setting) so that a bad value stops startup with a message naming the setting.
 * The {@code @ConfigMapping}s are not annotated with Bean Validation constraints: those make Quarkus
 * bootstrap a second Hibernate Validator factory during static init, 0.2 s of every start (measured
 * in bench/README.md, "Startup"). The price: the checks come after Flyway's migration, which Quarkus
 * runs before the startup observers, where the annotations were checked before it.
 */
public final class SettingBounds {

    private SettingBounds() {
    }

    /** Fails unless {@code min <= value <= max}. */
    public static void require(String key, int value, int min, int max) {
        if (value < min || value > max) {
            String range = max == Integer.MAX_VALUE ? "at least " + min : "from " + min + " to " + max;
            throw new IllegalStateException(key + " must be " + range + ", not " + value);
        }
    }

    /** Fails unless {@code value >= min}. */
    public static void atLeast(String key, int value, int min) {
        require(key, value, min, Integer.MAX_VALUE);
    }
}

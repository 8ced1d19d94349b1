package io.chameleon.types;

import java.util.Optional;

/**
 * A column default for PostgreSQL: the DEFAULT expression, or none; with a warning when MySQL had a
 * default that could not be expressed.
 */
public record TranslatedDefault(Optional<String> expression, Optional<String> warning) {
    static final TranslatedDefault NONE = new TranslatedDefault(Optional.empty(), Optional.empty());

    static TranslatedDefault of(String expression) {
        return new TranslatedDefault(Optional.of(expression), Optional.empty());
    }

    static TranslatedDefault warning(String warning) {
        return new TranslatedDefault(Optional.empty(), Optional.of(warning));
    }
}

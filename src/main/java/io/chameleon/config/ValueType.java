package io.chameleon.config;

import java.nio.file.Path;

/**
 * What a configuration key accepts: a single value ({@link Leaf}), a mapping of fixed keys
 * ({@link Section}) or a mapping of names the user chooses ({@link Named}).
 */
sealed interface ValueType<T> permits ValueType.Leaf, ValueType.Section, ValueType.Named {

    /** In words, for messages and the reference, e.g. "an integer from 1 to 65535". */
    String allowed();

    /** Short type name for the reference, e.g. "integer". */
    String typeName();

    /** Turns the raw YAML value (text, list or map; never null) into T, or throws {@link InvalidValue}. */
    @FunctionalInterface
    interface Parser<T> {
        T parse(Object raw, Path home);
    }

    /**
     * A value.
     *
     * @param secret never shown in messages or output
     */
    record Leaf<T>(String typeName, String allowed, boolean secret, Parser<T> parser) implements ValueType<T> {
        T parse(Object raw, Path home) {
            return parser.parse(raw, home);
        }
    }

    /**
     * A mapping whose keys are the table's keys below this one.
     *
     * @param keys those keys in words, e.g. "insert, update and delete"
     */
    record Section(String keys) implements ValueType<Void> {
        @Override
        public String typeName() {
            return "mapping";
        }

        @Override
        public String allowed() {
            return "a mapping of " + keys;
        }
    }

    /**
     * A mapping whose keys are names chosen by the user (sources, types, levels); each value is
     * a {@link Section}.
     *
     * @param name what each name must be
     * @param atLeastOne whether an empty mapping is refused
     */
    record Named(Leaf<String> name, boolean atLeastOne) implements ValueType<Void> {
        @Override
        public String typeName() {
            return "mapping of names";
        }

        @Override
        public String allowed() {
            return "a mapping whose keys are " + name.allowed() + (atLeastOne ? ", at least one" : "");
        }
    }
}

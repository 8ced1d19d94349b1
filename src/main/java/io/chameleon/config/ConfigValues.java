package io.chameleon.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The validated values of one file, defaults filled in, by concrete path (names filled in), and
 * the names under each {@link ValueType.Named} key in file order.
 */
final class ConfigValues {
    private final Map<List<String>, Object> values = new HashMap<>();
    private final Map<List<String>, List<String>> names = new HashMap<>();

    void put(List<String> path, Object value) {
        values.put(List.copyOf(path), value);
    }

    void putNames(List<String> path, List<String> entryNames) {
        names.put(List.copyOf(path), List.copyOf(entryNames));
    }

    /** The value of a key; {@code fill} gives the names of its {@code <placeholder>} segments in order. */
    @SuppressWarnings("unchecked")
    <T> T get(ConfigKey<T> key, String... fill) {
        return (T) values.get(concrete(key, fill));
    }

    /** The names chosen under a {@link ValueType.Named} key, in file order. */
    List<String> names(ConfigKey<Void> key, String... fill) {
        return names.getOrDefault(concrete(key, fill), List.of());
    }

    static List<String> concrete(ConfigKey<?> key, String... fill) {
        List<String> path = new ArrayList<>();
        int next = 0;
        for (String segment : key.segments()) {
            path.add(ConfigKey.isPlaceholder(segment) ? fill[next++] : segment);
        }
        if (next != fill.length) {
            throw new IllegalArgumentException(key.path() + " has " + next + " names to fill, not " + fill.length);
        }
        return path;
    }
}

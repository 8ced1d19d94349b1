package io.chameleon.config;

import io.chameleon.config.ValueType.Leaf;
import io.chameleon.config.ValueType.Named;
import io.chameleon.config.ValueType.Section;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Walks the YAML tree against {@link ConfigKeys}: every key must be in the table at that place
 * and hold a value its type accepts; missing optional keys get their default. Collects every
 * problem rather than stopping at the first, so one run shows all there is to fix.
 *
 * <p>A key given with no value ({@code key:} and nothing after it) counts as not given.
 */
final class TreeValidator {
    private final Path home;
    private final ConfigValues values = new ConfigValues();
    private final List<ConfigException> problems = new ArrayList<>();
    /** Where keys found at the wrong level belong: not reported again as missing there. */
    private final Set<List<String>> misplaced = new HashSet<>();

    private TreeValidator(Path home) {
        this.home = home;
    }

    /** The values of a file's top-level mapping, or a {@link ConfigException} with every problem. */
    static ConfigValues validate(Map<?, ?> root, Path home) {
        TreeValidator validator = new TreeValidator(home);
        validator.section(List.of(), "", root);
        if (!validator.problems.isEmpty()) {
            throw ConfigException.of(validator.problems);
        }
        return validator.values;
    }

    private void section(List<String> path, String pattern, Map<?, ?> map) {
        List<ConfigKey<?>> children = ConfigKeys.childrenOf(pattern);
        Set<String> given = new HashSet<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!(entry.getKey() instanceof String name)) {
                problem(path, "a key that is not plain text", "plain text keys");
                continue;
            }
            List<String> at = append(path, name);
            ConfigKey<?> key = children.stream().filter(k -> k.name().equals(name)).findFirst().orElse(null);
            if (key == null) {
                problems.add(KeySuggestions.unknownKey(at, pattern));
                KeySuggestions.misplaced(name, path).ifPresent(target -> misplaced.add(append(target, name)));
                continue;
            }
            given.add(name);
            value(at, key, entry.getValue());
        }
        for (ConfigKey<?> key : children) {
            if (!given.contains(key.name())) {
                missing(append(path, key.name()), key);
            }
        }
    }

    private void value(List<String> path, ConfigKey<?> key, Object raw) {
        if (raw == null) {
            missing(path, key);
        } else if (key.type() instanceof Leaf<?> leaf) {
            try {
                values.put(path, leaf.parse(raw, home));
            } catch (InvalidValue e) {
                problems.add(new ConfigException(String.join(".", path) + e.where(),
                        e.found() != null ? e.found() : Found.describe(raw, leaf.secret()),
                        e.allowed() != null ? e.allowed() : leaf.allowed()));
            }
        } else if (!(raw instanceof Map<?, ?> map)) {
            problem(path, Found.describe(raw, false), key.type().allowed());
        } else if (key.type() instanceof Named named) {
            named(path, key, named, map);
        } else {
            section(path, key.path(), map);
        }
    }

    private void named(List<String> path, ConfigKey<?> key, Named type, Map<?, ?> map) {
        if (map.isEmpty() && type.atLeastOne()) {
            problem(path, "no entry", type.allowed());
        }
        ConfigKey<?> entry = ConfigKeys.childrenOf(key.path()).get(0);
        List<String> names = new ArrayList<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!(e.getKey() instanceof String name)) {
                problem(path, "a name that is not plain text", type.name().allowed());
                continue;
            }
            try {
                type.name().parse(name, home);
            } catch (InvalidValue invalid) {
                problem(append(path, name), "the name '" + name + "'", type.name().allowed());
                continue;
            }
            names.add(name);
            value(append(path, name), entry, e.getValue());
        }
        values.putNames(path, names);
    }

    private void missing(List<String> path, ConfigKey<?> key) {
        if (key.need() == ConfigKey.Need.REQUIRED) {
            if (!misplaced.contains(path)) {
                problem(path, "nothing", key.type().allowed() + " (required)");
            }
        } else if (key.type() instanceof Section) {
            section(path, key.path(), Map.of());
        } else if (key.type() instanceof Named) {
            values.putNames(path, List.of());
        } else if (key.defaultValue() != null) {
            values.put(path, ((Leaf<?>) key.type()).parse(key.defaultValue(), home));
        }
    }

    private void problem(List<String> path, String found, String allowed) {
        problems.add(new ConfigException(String.join(".", path), found, allowed));
    }

    private static List<String> append(List<String> path, String name) {
        List<String> longer = new ArrayList<>(path);
        longer.add(name);
        return longer;
    }
}

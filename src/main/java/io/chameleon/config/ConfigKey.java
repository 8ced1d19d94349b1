package io.chameleon.config;

import java.util.List;

/**
 * One key of the configuration file: where it sits, what it accepts, its default and what it is
 * for. Segments written {@code <like_this>} stand for names the user chooses (a source's name, a
 * MySQL type, a fillfactor level).
 *
 * @param path dotted, e.g. {@code sources.<name>.db_conn.port}
 * @param defaultValue the default as it would be written in YAML (text or list), parsed like a
 *     value from the file; null when there is none
 * @param extension a Chameleon key that pg_chameleon does not have
 */
record ConfigKey<T>(String path, ValueType<T> type, Need need, Object defaultValue, String description,
        boolean extension) {

    /** Whether the key must be present. */
    enum Need {
        REQUIRED, OPTIONAL,
        /** required when the source's type is pgsql; not used by mysql sources */
        REQUIRED_FOR_PGSQL
    }

    List<String> segments() {
        return List.of(path.split("\\."));
    }

    String name() {
        List<String> s = segments();
        return s.get(s.size() - 1);
    }

    /** The parent's path, or "" for a top-level key. */
    String parentPath() {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? "" : path.substring(0, dot);
    }

    boolean secret() {
        return type instanceof ValueType.Leaf<?> leaf && leaf.secret();
    }

    static boolean isPlaceholder(String segment) {
        return segment.startsWith("<");
    }

    /** Whether a concrete path (names filled in) is an instance of this key. */
    boolean matches(List<String> concrete) {
        List<String> pattern = segments();
        if (pattern.size() != concrete.size()) {
            return false;
        }
        for (int i = 0; i < pattern.size(); i++) {
            if (!isPlaceholder(pattern.get(i)) && !pattern.get(i).equals(concrete.get(i))) {
                return false;
            }
        }
        return true;
    }
}

package io.chameleon.config;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.IntStream;

/** What to tell the user about a key the table does not have at that place. */
final class KeySuggestions {
    private KeySuggestions() {
    }

    /**
     * @param path the unknown key's concrete path
     * @param parentPattern the table path of the section it was found in
     */
    static ConfigException unknownKey(List<String> path, String parentPattern) {
        String name = path.get(path.size() - 1);
        List<String> parent = path.subList(0, path.size() - 1);
        String shown = String.join(".", path);
        String where = parent.isEmpty() ? "the top-level keys" : "the keys of " + String.join(".", parent);
        List<ConfigKey<?>> siblings = ConfigKeys.childrenOf(parentPattern);

        Optional<String> nearest = nearest(name, siblings);
        if (nearest.isPresent()) {
            return new ConfigException(shown, "an unknown key", where + "; did you mean " + nearest.get() + "?");
        }
        Optional<List<String>> home = misplaced(name, parent);
        if (home.isPresent()) {
            List<String> target = home.get();
            String hint = target.size() == parent.size() - 1
                    ? " (at the same indentation as " + parent.get(parent.size() - 1) + ")" : "";
            String found = parent.isEmpty() ? name + " at the top level"
                    : name + " inside " + parent.get(parent.size() - 1);
            String belongs = target.isEmpty() ? "at the top level" : "directly under " + String.join(".", target);
            return new ConfigException(shown, found, name + " belongs " + belongs + hint);
        }
        List<String> names = siblings.stream().map(ConfigKey::name).toList();
        return new ConfigException(shown, "an unknown key", where + ": " + String.join(", ", names));
    }

    /** The concrete path of the section where a key of this name belongs, if it belongs elsewhere. */
    static Optional<List<String>> misplaced(String name, List<String> parent) {
        return ConfigKeys.all().stream()
                .filter(k -> k.name().equals(name))
                .map(k -> fill(k.segments().subList(0, k.segments().size() - 1), parent))
                .filter(target -> !target.equals(parent))
                .max(Comparator.comparingInt(target -> commonPrefix(target, parent)));
    }

    /** A sibling whose name is a typo away from this one. */
    private static Optional<String> nearest(String name, List<ConfigKey<?>> siblings) {
        String lower = name.toLowerCase(Locale.ROOT);
        int limit = Math.max(1, Math.min(3, name.length() / 3));
        return siblings.stream().map(ConfigKey::name)
                .filter(candidate -> !candidate.startsWith("<"))
                .filter(candidate -> distance(lower, candidate) <= limit)
                .min(Comparator.comparingInt(candidate -> distance(lower, candidate)));
    }

    /** A table path with its placeholders replaced by the names at the same place in {@code concrete}. */
    private static List<String> fill(List<String> pattern, List<String> concrete) {
        return IntStream.range(0, pattern.size())
                .mapToObj(i -> ConfigKey.isPlaceholder(pattern.get(i)) && i < concrete.size()
                        ? concrete.get(i) : pattern.get(i))
                .toList();
    }

    private static int commonPrefix(List<String> a, List<String> b) {
        int n = 0;
        while (n < a.size() && n < b.size() && a.get(n).equals(b.get(n))) {
            n++;
        }
        return n;
    }

    /** Edit distance counting a swap of two neighbouring letters as one edit. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}

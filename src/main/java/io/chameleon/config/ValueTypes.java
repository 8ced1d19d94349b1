package io.chameleon.config;

import io.chameleon.config.ValueType.Leaf;
import io.chameleon.schema.TableName;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The kinds of value the configuration keys accept, each with its parser and its description. */
final class ValueTypes {
    private static final Set<String> TRUE = Set.of("yes", "true", "on");
    private static final Set<String> FALSE = Set.of("no", "false", "off");

    /** A PostgreSQL time setting such as lock_timeout: a number and a unit (a bare number would mean ms). */
    private static final Pattern PG_DURATION = Pattern.compile("\\d+\\s*(us|ms|s|min|h|d)");

    private static final String NUMBER = "[+-]?\\d+(\\.\\d+)?";
    private static final String UNIT = "(microseconds?|milliseconds?|seconds?|minutes?|hours?|days?|weeks?|months?"
            + "|years?|decades?|centur(y|ies)|millenni(um|a)|usecs?|us|msecs?|ms|secs?|s|mins?|m|hrs?|h|d|w|mons?"
            + "|y|yrs?)";
    private static final String CLOCK = "[+-]?\\d+:\\d{2}(:\\d{2}(\\.\\d+)?)?";
    /** PostgreSQL interval input: "1 day", "2 hours 30 minutes", "1 day 02:00:00", "90" (seconds), ISO 8601. */
    private static final Pattern INTERVAL = Pattern.compile(
            "@?\\s*((" + NUMBER + "\\s*" + UNIT + "\\s*)+(" + CLOCK + ")?(\\s*ago)?|" + CLOCK + "|" + NUMBER
                    + "|P(\\d+Y)?(\\d+M)?(\\d+W)?(\\d+D)?(T(\\d+H)?(\\d+M)?(\\d+(\\.\\d+)?S)?)?)",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern SOURCE_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_-]*");
    private static final Pattern CHARSET = Pattern.compile("[A-Za-z0-9_]+");
    /** Schemas PostgreSQL reserves, and the replica catalogue's own. */
    private static final Pattern RESERVED_SCHEMA = Pattern.compile("pg_.*|information_schema|sch_chameleon",
            Pattern.CASE_INSENSITIVE);

    private ValueTypes() {
    }

    /** Any scalar, as text; lists and mappings are refused. */
    private static String scalar(Object raw) {
        if (raw instanceof String || raw instanceof Number || raw instanceof Boolean) {
            return raw.toString();
        }
        throw new InvalidValue();
    }

    private static String nonEmpty(Object raw) {
        String text = scalar(raw).trim();
        if (text.isEmpty()) {
            throw new InvalidValue("", "an empty value", null);
        }
        return text;
    }

    static Leaf<String> text(String allowed) {
        return new Leaf<>("text", allowed, false, (raw, home) -> nonEmpty(raw));
    }

    /** Text that may be empty, which means "not set" (null). */
    static Leaf<String> optionalText(String allowed) {
        return new Leaf<>("text", allowed, false, (raw, home) -> emptyToNull(scalar(raw)));
    }

    /** A password or token: any scalar, never shown; empty means none (null). */
    static Leaf<String> secret(String allowed) {
        return new Leaf<>("secret text", allowed, true, (raw, home) -> emptyToNull(scalar(raw)));
    }

    private static String emptyToNull(String text) {
        return text.isEmpty() ? null : text;
    }

    static Leaf<String> charset() {
        return new Leaf<>("text", "a character set name such as utf8 or utf8mb4", false,
                (raw, home) -> matching(nonEmpty(raw), CHARSET));
    }

    static Leaf<String> sourceName() {
        return new Leaf<>("name", "a name of letters, digits, '_' and '-'", false,
                (raw, home) -> matching(nonEmpty(raw), SOURCE_NAME));
    }

    private static String matching(String text, Pattern pattern) {
        if (!pattern.matcher(text).matches()) {
            throw new InvalidValue();
        }
        return text;
    }

    static Leaf<Integer> integer(int min, int max) {
        String allowed = max == Integer.MAX_VALUE ? "an integer, at least " + min
                : "an integer from " + min + " to " + max;
        return new Leaf<>("integer", allowed, false, (raw, home) -> {
            try {
                int value = Integer.parseInt(nonEmpty(raw));
                if (value >= min && value <= max) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // refused below with the same message as an out of range number
            }
            throw new InvalidValue();
        });
    }

    /** An http:// or https:// URL with a host. */
    static Leaf<java.net.URI> httpUrl() {
        return new Leaf<>("URL", "an http:// or https:// URL", false, (raw, home) -> {
            try {
                java.net.URI uri = new java.net.URI(nonEmpty(raw));
                if (("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                        && uri.getHost() != null) {
                    return uri;
                }
            } catch (java.net.URISyntaxException e) {
                // refused below, as a URL of another scheme
            }
            throw new InvalidValue();
        });
    }

    static Leaf<Integer> port() {
        return integer(1, 65535);
    }

    /** A key whose name is a number, such as a fillfactor level; kept as text. */
    static Leaf<String> integerName(int min, int max) {
        Leaf<Integer> number = integer(min, max);
        return new Leaf<>("integer", number.allowed(), false, (raw, home) -> number.parse(raw, home).toString());
    }

    /** YAML 1.1 booleans, as pg_chameleon's files use them ({@code keep_existing_schema: No}). */
    static Leaf<Boolean> bool() {
        return new Leaf<>("boolean", "Yes or No (also true/false, on/off)", false, (raw, home) -> {
            String text = nonEmpty(raw).toLowerCase(Locale.ROOT);
            if (TRUE.contains(text)) {
                return true;
            }
            if (FALSE.contains(text)) {
                return false;
            }
            throw new InvalidValue();
        });
    }

    /** One of an enum's constants, written in lower case. */
    static <E extends Enum<E>> Leaf<E> oneOf(Class<E> type) {
        List<String> names = Arrays.stream(type.getEnumConstants())
                .map(e -> e.name().toLowerCase(Locale.ROOT)).toList();
        return new Leaf<>("choice", "one of " + String.join(", ", names), false, (raw, home) -> {
            String text = nonEmpty(raw);
            int i = names.indexOf(text);
            if (i < 0) {
                throw new InvalidValue();
            }
            return type.getEnumConstants()[i];
        });
    }

    /** A directory; a leading {@code ~} is the user's home directory. */
    static Leaf<Path> path() {
        return new Leaf<>("path", "a directory path (a leading ~/ is the home directory)", false, (raw, home) -> {
            String text = nonEmpty(raw);
            if (text.equals("~") || text.startsWith("~/")) {
                return home.resolve(text.substring(1).replaceFirst("^/+", ""));
            }
            if (text.startsWith("~")) {
                throw new InvalidValue("", "'" + text + "' (~user is not expanded)", null);
            }
            return Path.of(text);
        });
    }

    /** A TLS mode as libpq writes it: disable, prefer, require, verify-ca or verify-full. */
    static Leaf<Tls.Mode> sslMode() {
        List<String> names = Arrays.stream(Tls.Mode.values()).map(Tls.Mode::keyword).toList();
        return new Leaf<>("choice", "one of " + String.join(", ", names), false, (raw, home) -> {
            int i = names.indexOf(nonEmpty(raw));
            if (i < 0) {
                throw new InvalidValue();
            }
            return Tls.Mode.values()[i];
        });
    }

    /** A file that exists and can be read now; a leading {@code ~/} is the user's home directory. */
    static Leaf<Path> readableFile() {
        return new Leaf<>("file", "the path of a readable file (a leading ~/ is the home directory)", false,
                (raw, home) -> {
                    String text = nonEmpty(raw);
                    Path file = text.startsWith("~/") ? home.resolve(text.substring(2)) : Path.of(text);
                    if (!Files.isRegularFile(file)) {
                        throw new InvalidValue("", "'" + text + "' (no such file)", null);
                    }
                    if (!Files.isReadable(file)) {
                        throw new InvalidValue("", "'" + text + "' (not readable by this user)", null);
                    }
                    return file;
                });
    }

    /** Bytes, from "300M" and the like. */
    static Leaf<Long> byteSize() {
        return new Leaf<>("size", "a positive number of bytes, or a number with the suffix k, M or G (e.g. 300M)",
                false, (raw, home) -> {
                    long bytes = ByteSize.parse(nonEmpty(raw));
                    if (bytes < 0) {
                        throw new InvalidValue();
                    }
                    return bytes;
                });
    }

    static Leaf<String> pgDuration() {
        return new Leaf<>("duration", "a number with a unit us, ms, s, min, h or d (e.g. 120s)", false,
                (raw, home) -> matching(nonEmpty(raw), PG_DURATION));
    }

    static Leaf<String> interval() {
        return new Leaf<>("interval", "a PostgreSQL interval such as '1 day', '12 hours' or '1 day 06:00:00'", false,
                (raw, home) -> matching(nonEmpty(raw), INTERVAL));
    }

    /** {@code disabled}, or an interval. */
    static Leaf<String> intervalOrDisabled() {
        Leaf<String> interval = interval();
        return new Leaf<>("interval", "disabled, or " + interval.allowed(), false, (raw, home) -> {
            String text = nonEmpty(raw);
            return text.equals("disabled") ? text : interval.parse(text, home);
        });
    }

    static Leaf<TableName> tableName() {
        return new Leaf<>("SCHEMA.TABLE", "SCHEMA.TABLE", false, (raw, home) -> {
            try {
                return TableName.parse(nonEmpty(raw));
            } catch (IllegalArgumentException e) {
                throw new InvalidValue();
            }
        });
    }

    /** A table as SCHEMA.TABLE, or {@code *} for every table. */
    static Leaf<String> tableOrAll() {
        Leaf<TableName> table = tableName();
        return new Leaf<>("SCHEMA.TABLE or *", "SCHEMA.TABLE, or * for every table", false, (raw, home) -> {
            String text = nonEmpty(raw);
            return text.equals("*") ? text : table.parse(text, home).toString();
        });
    }

    /** A whole schema or one of its tables. */
    static Leaf<String> schemaOrTable() {
        return new Leaf<>("SCHEMA or SCHEMA.TABLE", "SCHEMA or SCHEMA.TABLE", false, (raw, home) -> {
            String text = nonEmpty(raw);
            if (text.startsWith(".") || text.endsWith(".")) {
                throw new InvalidValue();
            }
            return text;
        });
    }

    /** A YAML list; an entry that is refused is reported with its index. */
    static <T> Leaf<List<T>> listOf(Leaf<T> entry) {
        return new Leaf<>("list of " + entry.typeName(), "a list of entries, each " + entry.allowed(),
                false, (raw, home) -> {
                    if (!(raw instanceof List<?> items)) {
                        throw new InvalidValue();
                    }
                    List<T> parsed = new ArrayList<>();
                    for (int i = 0; i < items.size(); i++) {
                        parsed.add(parseEntry("[" + i + "]", entry, items.get(i), home));
                    }
                    return parsed;
                });
    }

    /** MySQL schema → PostgreSQL schema, at least one pair, each target used once. */
    static Leaf<Map<String, String>> schemaMappings() {
        Leaf<String> name = text("a schema name");
        return new Leaf<>("mapping", "a mapping of MYSQL_SCHEMA: POSTGRESQL_SCHEMA, at least one", false,
                (raw, home) -> {
                    if (!(raw instanceof Map<?, ?> pairs) || pairs.isEmpty()) {
                        throw new InvalidValue();
                    }
                    Map<String, String> mappings = new LinkedHashMap<>();
                    for (Map.Entry<?, ?> pair : pairs.entrySet()) {
                        String where = "." + pair.getKey();
                        String source = parseEntry(where, name, pair.getKey(), home);
                        String target = parseEntry(where, name, pair.getValue(), home);
                        if (RESERVED_SCHEMA.matcher(target).matches()) {
                            throw new InvalidValue(where, "'" + target + "'",
                                    "a schema name not reserved by PostgreSQL (pg_*, information_schema) "
                                            + "or by the replica catalogue (sch_chameleon)");
                        }
                        String other = mappings.entrySet().stream().filter(e -> e.getValue().equals(target))
                                .map(Map.Entry::getKey).findFirst().orElse(null);
                        if (other != null) {
                            throw new InvalidValue(where, "'" + target + "', already the target of " + other,
                                    "one MySQL schema per PostgreSQL schema");
                        }
                        mappings.put(source, target);
                    }
                    return mappings;
                });
    }

    private static <T> T parseEntry(String where, Leaf<T> entry, Object raw, Path home) {
        if (raw == null) {
            throw new InvalidValue(where, "nothing", entry.allowed());
        }
        try {
            return entry.parse(raw, home);
        } catch (InvalidValue e) {
            throw new InvalidValue(where + e.where(),
                    e.found() != null ? e.found() : Found.describe(raw, entry.secret()),
                    e.allowed() != null ? e.allowed() : entry.allowed());
        }
    }

}

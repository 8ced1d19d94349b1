package io.chameleon.config;

import io.chameleon.format.TextTable;
import io.chameleon.format.Json;
import io.chameleon.config.EffectiveSettings.Setting;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What show_config and show_sources print, as text for people and as JSON for scripts.
 * Passwords and the Rollbar key are shown as {@value EffectiveSettings#MASK}.
 */
public final class ConfigPrinter {
    private static final String NONE = "-";

    private ConfigPrinter() {
    }

    /** show_config: every key of the configuration with its effective value, defaults included. */
    public static String configText(ChameleonConfig config) {
        TextTable table = TextTable.withHeader("Key", "Value");
        for (Setting s : EffectiveSettings.of(config)) {
            table.row(s.key(), text(s.value()));
        }
        return "Configuration " + config.name() + " (" + config.file() + ")\n\n" + table.render("");
    }

    /** show_config --json: {"name", "file", "settings": the keys nested as in the file}. */
    public static String configJson(ChameleonConfig config) {
        Map<String, Object> settings = new LinkedHashMap<>();
        for (Setting s : EffectiveSettings.of(config)) {
            nest(settings, s.path(), json(s.value()));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", config.name());
        out.put("file", config.file().toString());
        out.put("settings", settings);
        return Json.pretty(out);
    }

    /** show_sources: one block per source. */
    public static String sourcesText(Collection<SourceConfig> sources) {
        StringBuilder out = new StringBuilder();
        for (SourceConfig s : sources) {
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append("Source ").append(s.name()).append('\n');
            out.append(TextTable.withoutHeader()
                    .row("Type", lower(s.type()))
                    .row("Connection", s.dbConn().user() + "@" + s.dbConn().describe()
                            + (s.dbConn().database() == null ? "" : "/" + s.dbConn().database()))
                    .row("Schema mappings", s.schemaMappings().entrySet().stream()
                            .map(e -> e.getKey() + " -> " + e.getValue()).collect(Collectors.joining(", ")))
                    .row("Limit tables", text(names(s.limitTables())))
                    .row("Skip tables", text(names(s.skipTables())))
                    .row("Copy", lower(s.copyMode()) + " mode, " + s.copyWorkers() + " workers, "
                            + ByteSize.format(s.copyMaxMemory()) + " max memory"
                            + (s.copyMode() == SourceConfig.CopyMode.FILE ? ", files in " + s.outDir() : ""))
                    .render("  "));
        }
        return out.toString();
    }

    /** show_sources --json: {"sources": [one object per source]}. */
    public static String sourcesJson(Collection<SourceConfig> sources) {
        List<Object> list = new ArrayList<>();
        for (SourceConfig s : sources) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("name", s.name());
            o.put("type", lower(s.type()));
            o.put("host", s.dbConn().host());
            o.put("port", s.dbConn().port());
            o.put("user", s.dbConn().user());
            o.put("database", s.dbConn().database());
            o.put("schema_mappings", s.schemaMappings());
            o.put("limit_tables", names(s.limitTables()));
            o.put("skip_tables", names(s.skipTables()));
            o.put("copy_mode", lower(s.copyMode()));
            o.put("copy_workers", s.copyWorkers());
            o.put("copy_max_memory", s.copyMaxMemory());
            o.put("out_dir", s.outDir().toString());
            list.add(o);
        }
        return Json.pretty(Map.of("sources", list));
    }

    private static String text(Object value) {
        if (value == null || value instanceof Collection<?> c && c.isEmpty() || value instanceof Map<?, ?> m
                && m.isEmpty()) {
            return NONE;
        }
        if (value instanceof Boolean b) {
            return b ? "Yes" : "No";
        }
        if (value instanceof Collection<?> c) {
            return c.stream().map(Object::toString).collect(Collectors.joining(", "));
        }
        return value.toString();
    }

    private static Object json(Object value) {
        return value instanceof EffectiveSettings.Size size ? size.bytes() : value;
    }

    @SuppressWarnings("unchecked")
    private static void nest(Map<String, Object> root, List<String> path, Object value) {
        Map<String, Object> at = root;
        for (String segment : path.subList(0, path.size() - 1)) {
            at = (Map<String, Object>) at.computeIfAbsent(segment, k -> new LinkedHashMap<String, Object>());
        }
        at.put(path.get(path.size() - 1), value);
    }

    private static List<String> names(List<?> tables) {
        return tables.stream().map(Object::toString).toList();
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}

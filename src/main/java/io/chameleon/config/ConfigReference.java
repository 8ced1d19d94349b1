package io.chameleon.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes docs/configuration.md from the key table, so the reference always says what the loader
 * accepts. A unit test fails when the checked-in file differs.
 */
public final class ConfigReference {
    static final String REGENERATE =
            "mvn -q -B test -Dtest=ConfigReferenceTest -Dchameleon.writeReference=true";

    private ConfigReference() {
    }

    public static String markdown() {
        StringBuilder md = new StringBuilder(INTRO.replace("{REGENERATE}", REGENERATE));
        String group = null;
        for (ConfigKey<?> key : ConfigKeys.all()) {
            String keyGroup = key.segments().size() == 1 && key.type() instanceof ValueType.Leaf<?>
                    ? "Global settings" : key.segments().get(0);
            if (!keyGroup.equals(group)) {
                group = keyGroup;
                md.append("\n## ").append(group).append('\n');
            }
            section(key, md);
        }
        return md.toString();
    }

    private static void section(ConfigKey<?> key, StringBuilder md) {
        md.append("\n### `").append(key.path()).append("`\n\n");
        if (key.extension()) {
            md.append("*Chameleon extension: pg_chameleon does not have this key.*\n\n");
        }
        md.append(key.description()).append("\n\n");
        md.append("| | |\n|---|---|\n");
        md.append("| Type | ").append(key.type().typeName()).append(" |\n");
        md.append("| Allowed | ").append(cell(key.type().allowed())).append(" |\n");
        if (ConfigKey.isPlaceholder(key.name())) {
            return; // an entry of a mapping of names: there as often as the user writes it
        }
        md.append("| Required | ").append(need(key.need())).append(" |\n");
        if (key.need() != ConfigKey.Need.REQUIRED) {
            md.append("| Default | ").append(defaultText(key)).append(" |\n");
        }
    }

    private static String need(ConfigKey.Need need) {
        return switch (need) {
            case REQUIRED -> "yes";
            case OPTIONAL -> "no";
            case REQUIRED_FOR_PGSQL -> "for pgsql sources";
        };
    }

    private static String defaultText(ConfigKey<?> key) {
        Object value = key.defaultValue();
        if (value == null) {
            return key.type() instanceof ValueType.Leaf<?> ? "none" : "empty";
        }
        if (value instanceof List<?> list) {
            return list.isEmpty() ? "empty list"
                    : list.stream().map(v -> "`" + v + "`").collect(Collectors.joining(", "));
        }
        return value.toString().isEmpty() ? "empty" : "`" + value + "`";
    }

    /** Markdown table cells cannot hold a bare '|'. */
    private static String cell(String text) {
        return text.replace("|", "\\|");
    }

    private static final String INTRO = """
            # Configuration reference

            <!-- Generated from the key table in src/main/java/io/chameleon/config/ConfigKeys.java by
                 ConfigReference: edit the table, not this file, then regenerate with
                 {REGENERATE} -->

            Chameleon reads pg_chameleon 2.0's YAML configuration file: the same keys, the same
            defaults. A file written for pg_chameleon works unchanged, except where this page says
            Chameleon is stricter (see *Differences from pg_chameleon* below).

            ## Where the file is

            `chameleon set_configuration_files` creates `~/.pg_chameleon/configuration/`,
            `~/.pg_chameleon/pid/` and `~/.pg_chameleon/logs/`, and writes `config-example.yml` into
            the first: every key, commented, with its default. Copy it to a name of your own
            (`prod.yml`) and edit the copy. An example that differs from the current version's is
            replaced, the old file being kept as `config-example.yml.bak`.

            `--config NAME` reads `~/.pg_chameleon/configuration/NAME.yml`; without `--config` the
            name is `default`. A value containing `/`, or naming an existing file that ends in
            `.yml` or `.yaml`, is read as a path instead (`--config ./test.yml`,
            `--config /etc/chameleon/prod.yml`). The configuration's name (used for log and pid
            files) is the file name without its extension.

            ## How values are read

            - Each key's type decides what its value means: `port: 5432` and `port: "5432"` are the
              same, and a password such as `yes` or `0123` stays that text.
            - Booleans may be written `Yes`/`No`, `true`/`false` or `on`/`off`, in any case.
            - A key followed by nothing (`update:`), or by `~` or `null`, counts as not given: the
              default applies, and a required key is reported missing.
            - A path starting with `~/` starts in the home directory.
            - YAML anchors and merge keys (`<<: *common`) may share settings between sources.
            - Enumerated values (`file`, `direct`, …) are written in lower case, as listed.

            ## How problems are reported

            The whole file is checked before any work starts. Every problem is reported, one line
            each, in file order; rules between keys (such as two sources mapping into one schema)
            are checked once every key is valid on its own.

            ```
            sources.mysql.copy_mode: found 'fast'; allowed: one of file, direct
            sources.mysql.copy_mod: found an unknown key; allowed: the keys of sources.mysql; did you mean copy_mode?
            sources.pgsql.db_conn.schema_mappings: found schema_mappings inside db_conn; allowed: schema_mappings belongs directly under sources.pgsql (at the same indentation as db_conn)
            ```

            Values of passwords and of `rollbar_key` never appear in a message, nor in the output
            of `show_config`, which shows them as `***`.

            With `rollbar_key` and `rollbar_env` set, Chameleon reports its important events to
            Rollbar: see [rollbar.md](rollbar.md) for the events, their levels and `--rollbar-level`.

            ## Differences from pg_chameleon

            Chameleon is stricter where pg_chameleon would let a mistake go unnoticed:

            - Unknown keys are refused, with the nearest valid name. pg_chameleon's own example
              indents the keys of its pgsql source under `db_conn` by mistake; Chameleon names
              each misplaced key and where it belongs.
            - `lock_timeout` needs a unit (`120s`): PostgreSQL reads a bare number as milliseconds.
            - Entries of `limit_tables`, `skip_tables` and `skip_events` must belong to a schema of
              `schema_mappings`, and a PostgreSQL schema may be the target of one source schema
              only, across every source of the file.
            - Two mysql sources reading the same server (same host and port) need different
              `my_server_id`s.
            - `db_conn.database` is required for pgsql sources and ignored for mysql sources.
            - `type_override.<type>.override_tables` may be left out; it then means every table.

            ## Chameleon's own keys

            Five source keys are Chameleon extensions, marked as such below: `copy_workers`,
            `zero_dates`, `nul_chars`, `metrics_port` and `metrics_address`. pg_chameleon does
            not know them, so a file that uses them is for Chameleon only.
            """;
}

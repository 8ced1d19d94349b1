package io.chameleon.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ConfigValidationTest {
    @TempDir
    Path home;

    private String refused(String yaml) {
        return Fixtures.refused(home, yaml).getMessage();
    }

    @Test
    void anUnknownKeyNamesTheNearestValidOne() {
        assertThat(refused(Fixtures.minimalWith("    copy_mod: direct"))).isEqualTo(
                "sources.mysql.copy_mod: found an unknown key; allowed: the keys of sources.mysql; "
                        + "did you mean copy_mode?");
        assertThat(refused("log_levle: info\n" + Fixtures.minimal())).isEqualTo(
                "log_levle: found an unknown key; allowed: the top-level keys; did you mean log_level?");
    }

    @Test
    void anUnknownKeyWithNothingCloseListsTheValidOnes() {
        assertThat(refused(Fixtures.minimal().replace("  database: target\n", "  database: target\n  gzip: on\n")))
                .isEqualTo("pg_conn.gzip: found an unknown key; allowed: the keys of pg_conn: "
                        + "host, port, user, password, database, charset, sslmode, sslrootcert, sslcert, sslkey");
    }

    @Test
    void aKeyAtTheWrongLevelSaysWhereItBelongs() {
        String message = Fixtures.refused(home, Fixtures.resource("misindented-pgsql.yml")).getMessage();

        assertThat(message.lines()).containsExactly(
                "sources.pgsql.db_conn.schema_mappings: found schema_mappings inside db_conn; allowed: "
                        + "schema_mappings belongs directly under sources.pgsql (at the same indentation as db_conn)",
                "sources.pgsql.db_conn.sleep_loop: found sleep_loop inside db_conn; allowed: "
                        + "sleep_loop belongs directly under sources.pgsql (at the same indentation as db_conn)",
                "sources.pgsql.db_conn.type: found type inside db_conn; allowed: "
                        + "type belongs directly under sources.pgsql (at the same indentation as db_conn)");
    }

    @Test
    void aPasswordOutsideDbConnSaysItBelongsThere() {
        assertThat(refused(Fixtures.minimalWith("    password: hunter2"))).isEqualTo(
                "sources.mysql.password: found password inside mysql; allowed: password belongs directly under "
                        + "sources.mysql.db_conn");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, value = {
            "    replica_batch_size: lots|sources.mysql.replica_batch_size: found 'lots'; allowed: an integer, at least 1",
            "    replica_batch_size: 0|sources.mysql.replica_batch_size: found '0'; allowed: an integer, at least 1",
            "    copy_workers: 65|sources.mysql.copy_workers: found '65'; allowed: an integer from 1 to 64",
            "    sleep_loop: 1.5|sources.mysql.sleep_loop: found '1.5'; allowed: an integer, at least 0",
            "    gtid_enable: maybe|sources.mysql.gtid_enable: found 'maybe'; allowed: Yes or No (also true/false, on/off)",
            "    limit_tables: inventory.items|sources.mysql.limit_tables: found 'inventory.items'; allowed: a list of entries, each SCHEMA.TABLE",
            "    grant_select_to: {a: b}|sources.mysql.grant_select_to: found a mapping; allowed: a list of entries, each a role name",
            "    skip_events: [insert]|sources.mysql.skip_events: found a list; allowed: a mapping of insert, update and delete",
            "    copy_max_memory: 300MB|sources.mysql.copy_max_memory: found '300MB'; allowed: a positive number of bytes, or a number with the suffix k, M or G (e.g. 300M)",
            "    copy_max_memory: 0|sources.mysql.copy_max_memory: found '0'; allowed: a positive number of bytes, or a number with the suffix k, M or G (e.g. 300M)",
            "    copy_max_memory: 1.5G|sources.mysql.copy_max_memory: found '1.5G'; allowed: a positive number of bytes, or a number with the suffix k, M or G (e.g. 300M)",
            "    lock_timeout: 120|sources.mysql.lock_timeout: found '120'; allowed: a number with a unit us, ms, s, min, h or d (e.g. 120s)",
            "    batch_retention: forever|sources.mysql.batch_retention: found 'forever'; allowed: a PostgreSQL interval such as '1 day', '12 hours' or '1 day 06:00:00'",
            "    auto_maintenance: sometimes|sources.mysql.auto_maintenance: found 'sometimes'; allowed: disabled, or a PostgreSQL interval such as '1 day', '12 hours' or '1 day 06:00:00'",
            "    out_dir: ~bob/csv|sources.mysql.out_dir: found '~bob/csv' (~user is not expanded); allowed: a directory path (a leading ~/ is the home directory)",
    })
    void aWrongValueNamesTheKeyWhatWasFoundAndWhatIsAllowed(String line, String message) {
        assertThat(refused(Fixtures.minimalWith(line))).isEqualTo(message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, value = {
            "    copy_mode: fast|sources.mysql.copy_mode: found 'fast'; allowed: one of file, direct",
            "    copy_mode: FILE|sources.mysql.copy_mode: found 'FILE'; allowed: one of file, direct",
            "    on_error_read: retry|sources.mysql.on_error_read: found 'retry'; allowed: one of continue, exit",
            "    zero_dates: zero|sources.mysql.zero_dates: found 'zero'; allowed: one of null, infinity, discard",
            "    nul_chars: keep|sources.mysql.nul_chars: found 'keep'; allowed: one of strip, discard",
    })
    void aBadEnumValueListsTheAllowedOnes(String line, String message) {
        assertThat(refused(Fixtures.minimalWith(line))).isEqualTo(message);
    }

    @Test
    void aBadGlobalEnumValue() {
        assertThat(refused("log_level: verbose\n" + Fixtures.minimal()))
                .isEqualTo("log_level: found 'verbose'; allowed: one of debug, info, warning, error");
        assertThat(refused("log_dest: syslog\n" + Fixtures.minimal()))
                .isEqualTo("log_dest: found 'syslog'; allowed: one of file, stdout");
    }

    @Test
    void aListEntryIsNamedByItsIndex() {
        assertThat(refused(Fixtures.minimalWith("    skip_tables:", "      - inventory.items", "      - orders")))
                .isEqualTo("sources.mysql.skip_tables[1]: found 'orders'; allowed: SCHEMA.TABLE");
    }

    @Test
    void aMissingRequiredKey() {
        assertThat(refused(Fixtures.minimal().replace("  host: pg.example\n", "")))
                .isEqualTo("pg_conn.host: found nothing; allowed: a host name or IP address (required)");
        assertThat(refused(Fixtures.minimal().replace("    type: mysql\n", "")))
                .isEqualTo("sources.mysql.type: found nothing; allowed: one of mysql, pgsql (required)");
        assertThat(refused(Fixtures.minimal().replace("      port: 3306\n", "      port:\n")))
                .isEqualTo("sources.mysql.db_conn.port: found nothing; allowed: an integer from 1 to 65535 (required)");
    }

    @Test
    void aMissingSection() {
        String noMappings = Fixtures.minimal().replace("    schema_mappings:\n      inventory: inventory_copy\n", "");

        assertThat(refused(noMappings)).isEqualTo("sources.mysql.schema_mappings: found nothing; allowed: "
                + "a mapping of MYSQL_SCHEMA: POSTGRESQL_SCHEMA, at least one (required)");
        assertThat(refused("pg_conn:\n  host: x\n  port: 1\n  user: u\n  database: d\nsources:\n")).isEqualTo(
                "sources: found nothing; allowed: a mapping whose keys are a name of letters, digits, '_' and '-', "
                        + "at least one (required)");
    }

    @Test
    void aPgsqlSourceNeedsADatabase() {
        String yaml = Fixtures.minimal().replace("    type: mysql\n", "    type: pgsql\n");

        assertThat(refused(yaml)).isEqualTo(
                "sources.mysql.db_conn.database: found nothing; allowed: a database name (required for pgsql sources)");
    }

    /**
     * The minimal file with a line added to source mysql, and a second source, of another server, that maps
     * {@code stock} into {@code target} and has the lines given; lines are indented by 4.
     */
    private static String withSecondSource(String mysqlLine, String target, String... secondLines) {
        return Fixtures.minimalWith(mysqlLine) + """
                  second:
                    type: mysql
                    db_conn:
                      host: other.example
                      port: 3306
                      user: reader
                    schema_mappings:
                      stock: %s
                """.formatted(target) + String.join("\n", secondLines) + "\n";
    }

    @Test
    void oneTargetSchemaPerSourceAcrossTheFile() {
        String yaml = withSecondSource("", "inventory_copy");

        assertThat(refused(yaml)).isEqualTo("sources.second.schema_mappings.stock: found 'inventory_copy', already "
                + "the target of sources.mysql.schema_mappings.inventory; allowed: a PostgreSQL schema that no other "
                + "source maps to");
    }

    @Test
    void oneTargetSchemaWithinASource() {
        String yaml = Fixtures.minimal().replace("      inventory: inventory_copy\n",
                "      inventory: inventory_copy\n      stock: inventory_copy\n");

        assertThat(refused(yaml)).isEqualTo("sources.mysql.schema_mappings.stock: found 'inventory_copy', already "
                + "the target of inventory; allowed: one MySQL schema per PostgreSQL schema");
    }

    @Test
    void aReservedTargetSchema() {
        String yaml = Fixtures.minimal().replace("inventory: inventory_copy", "inventory: sch_chameleon");

        assertThat(refused(yaml)).startsWith("sources.mysql.schema_mappings.inventory: found 'sch_chameleon'; "
                + "allowed: a schema name not reserved");
    }

    @Test
    void limitAndSkipEntriesMustBeInAMappedSchema() {
        String message = refused(Fixtures.minimalWith("    limit_tables:", "      - inventry.items",
                "    skip_events:", "      delete:", "        - stock"));

        assertThat(message.lines()).containsExactly(
                "sources.mysql.limit_tables[0]: found 'inventry.items', but schema inventry is not in "
                        + "schema_mappings; allowed: an entry of a mapped schema: inventory",
                "sources.mysql.skip_events.delete: found 'stock', but schema stock is not in schema_mappings; "
                        + "allowed: an entry of a mapped schema: inventory");
    }

    @Test
    void twoSourcesOfOneServerNeedDifferentServerIds() {
        String yaml = Fixtures.minimal() + """
                  second:
                    type: mysql
                    db_conn:
                      host: MY.example
                      port: "3306"
                      user: reader
                    schema_mappings:
                      stock: stock
                """;

        assertThat(refused(yaml)).isEqualTo("sources.second.my_server_id: found 100, also used by source mysql "
                + "reading the same server my.example:3306; allowed: a server id no other source of that server uses");
        assertThat(Fixtures.load(home, yaml.replace("      stock: stock\n", "      stock: stock\n    my_server_id: 101\n"))
                .sourceNames()).containsExactly("mysql", "second");
    }

    @Test
    void twoSourcesNeedDifferentMetricsPorts() {
        String port = "    metrics_port: 9150";

        assertThat(refused(withSecondSource(port, "stock", port))).isEqualTo("sources.second.metrics_port: found 9150,"
                + " also used by source mysql; allowed: a port no other source uses");
        assertThat(Fixtures.load(home, withSecondSource(port, "stock", "    metrics_port: 9151")).source("second")
                .metricsPort()).isEqualTo(9151);
    }

    @Test
    void fillfactorLevelsRunFrom10To100() {
        String yaml = "fillfactor:\n  \"5\":\n    tables:\n      - inventory.items\n" + Fixtures.minimal();

        assertThat(refused(yaml)).isEqualTo("fillfactor.5: found the name '5'; allowed: an integer from 10 to 100");
    }

    @Test
    void aSourceNameMustBeUsableInFileNames() {
        assertThat(refused(Fixtures.minimal().replace("  mysql:\n", "  my/sql:\n")))
                .isEqualTo("sources.my/sql: found the name 'my/sql'; allowed: a name of letters, digits, '_' and '-'");
    }

    @Test
    void everyProblemIsReportedOnItsOwnLine() {
        ConfigException e = Fixtures.refused(home, "log_level: loud\n"
                + Fixtures.minimalWith("    copy_mode: fast", "    copy_workers: 0"));

        assertThat(e.getMessage().lines()).containsExactly(
                "log_level: found 'loud'; allowed: one of debug, info, warning, error",
                "sources.mysql.copy_mode: found 'fast'; allowed: one of file, direct",
                "sources.mysql.copy_workers: found '0'; allowed: an integer from 1 to 64");
        assertThat(e.keyPath()).isEqualTo("log_level");
    }

    @Test
    void notYamlGivesTheLineAndColumn() {
        Path file = Fixtures.write(home, "broken.yml", "pg_conn:\n  host: x\n port: 5432\n");

        assertThat(org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class,
                () -> ConfigLoader.load(file, home)).getMessage())
                .startsWith(file + ":3:2: not valid YAML: ").doesNotContain("\n");
    }

    @Test
    void aDuplicateKeyIsRefused() {
        assertThat(refused(Fixtures.minimalWith("    copy_mode: file", "    copy_mode: direct")))
                .endsWith("not valid YAML: found duplicate key copy_mode");
    }

    @Test
    void anEmptyFileIsRefused() {
        assertThat(refused("# nothing\n")).endsWith(
                "test.yml: found an empty file; allowed: a YAML mapping with at least pg_conn and sources");
    }

    @Test
    void theMessagesShownInTheReferenceAreTheRealOnes() {
        String reference = ConfigReference.markdown();

        assertThat(reference).contains(refused(Fixtures.minimalWith("    copy_mode: fast")).replace("mysql", "mysql"));
        assertThat(reference).contains(refused(Fixtures.minimalWith("    copy_mod: direct")));
        assertThat(reference).contains(refused(Fixtures.resource("misindented-pgsql.yml")).lines().findFirst()
                .orElseThrow());
    }
}

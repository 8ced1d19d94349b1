package io.chameleon.config;

import io.chameleon.config.GlobalSettings.LogDest;
import io.chameleon.config.GlobalSettings.LogLevel;
import io.chameleon.config.SourceConfig.CopyMode;
import io.chameleon.config.SourceConfig.EventKind;
import io.chameleon.config.SourceConfig.NulCharPolicy;
import io.chameleon.config.SourceConfig.OnError;
import io.chameleon.config.SourceConfig.SourceType;
import io.chameleon.config.SourceConfig.ZeroDatePolicy;
import io.chameleon.schema.TableName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ConfigLoaderTest {
    @TempDir
    Path home;

    @Test
    void theShippedExampleLoads() {
        ChameleonConfig config = Fixtures.load(home, ConfigFiles.exampleText());

        assertThat(config.sourceNames()).containsExactly("mysql");
        assertThat(config.pgConn().port()).isEqualTo(5432);
        assertThat(config.source("mysql").schemaMappings()).containsEntry("shop", "shop");
    }

    @Test
    void theShippedExampleShowsTheDefaults() {
        ChameleonConfig example = Fixtures.load(home, ConfigFiles.exampleText());
        ChameleonConfig defaults = Fixtures.load(home, Fixtures.minimal());

        SourceConfig e = example.source("mysql");
        SourceConfig d = defaults.source("mysql");
        assertThat(example.global()).isEqualTo(defaults.global());
        assertThat(e.dbConn().charset()).isEqualTo(d.dbConn().charset());
        assertThat(e.dbConn().connectTimeoutSeconds()).isEqualTo(d.dbConn().connectTimeoutSeconds());
        assertThat(example.pgConn().charset()).isEqualTo(defaults.pgConn().charset());
        // Every source key but the connection and the mappings, which the example must set.
        SourceConfig exampleDefaults = new SourceConfig(d.name(), d.type(), e.dbConn(), e.schemaMappings(),
                d.limitTables(), d.skipTables(), d.grantSelectTo(), d.lockTimeout(), d.myServerId(),
                d.replicaBatchSize(), d.replayMaxRows(), d.batchRetention(), d.copyMaxMemory(), d.copyMode(),
                d.outDir(), d.sleepLoop(), d.onErrorReplay(), d.onErrorRead(), d.autoMaintenance(), d.gtidEnable(),
                d.skipEvents(), d.keepExistingSchema(), d.netReadTimeout(), d.copyWorkers(), d.zeroDates(),
                d.nulChars(), d.metricsPort(), d.metricsAddress());
        assertThat(e).isEqualTo(exampleDefaults);
    }

    @Test
    void everyOptionalKeyHasItsDocumentedDefault() {
        ChameleonConfig config = Fixtures.load(home, Fixtures.minimal());

        GlobalSettings g = config.global();
        assertThat(g.pidDir()).isEqualTo(home.resolve(".pg_chameleon/pid"));
        assertThat(g.logDir()).isEqualTo(home.resolve(".pg_chameleon/logs"));
        assertThat(g.logDest()).isEqualTo(LogDest.FILE);
        assertThat(g.logLevel()).isEqualTo(LogLevel.INFO);
        assertThat(g.logDaysKeep()).isEqualTo(10);
        assertThat(g.rollbarKey()).isNull();
        assertThat(g.rollbarEnv()).isNull();
        assertThat(config.typeOverrides().overrides()).isEmpty();
        assertThat(config.fillfactor().rules()).isEmpty();
        assertThat(config.pgConn().password()).isNull();
        assertThat(config.pgConn().charset()).isEqualTo("utf8");

        SourceConfig s = config.source("mysql");
        assertThat(s.dbConn().password()).isNull();
        assertThat(s.dbConn().charset()).isEqualTo("utf8");
        assertThat(s.dbConn().connectTimeoutSeconds()).isEqualTo(10);
        assertThat(s.dbConn().database()).isNull();
        assertThat(s.limitTables()).isEmpty();
        assertThat(s.skipTables()).isEmpty();
        assertThat(s.grantSelectTo()).isEmpty();
        assertThat(s.lockTimeout()).isEqualTo("120s");
        assertThat(s.myServerId()).isEqualTo(100);
        assertThat(s.replicaBatchSize()).isEqualTo(10000);
        assertThat(s.replayMaxRows()).isEqualTo(10000);
        assertThat(s.batchRetention()).isEqualTo("1 day");
        assertThat(s.copyMaxMemory()).isEqualTo(300L * 1024 * 1024);
        assertThat(s.copyMode()).isEqualTo(CopyMode.FILE);
        assertThat(s.outDir()).isEqualTo(Path.of("/tmp"));
        assertThat(s.sleepLoop()).isEqualTo(1);
        assertThat(s.onErrorReplay()).isEqualTo(OnError.CONTINUE);
        assertThat(s.onErrorRead()).isEqualTo(OnError.EXIT);
        assertThat(s.autoMaintenance()).isEqualTo("disabled");
        assertThat(s.gtidEnable()).isFalse();
        assertThat(s.skipEvents()).isEqualTo(Map.of(EventKind.INSERT, Set.of(), EventKind.UPDATE, Set.of(),
                EventKind.DELETE, Set.of()));
        assertThat(s.keepExistingSchema()).isFalse();
        assertThat(s.netReadTimeout()).isEqualTo(600);
        assertThat(s.copyWorkers()).isEqualTo(4);
        assertThat(s.zeroDates()).isEqualTo(ZeroDatePolicy.NULL);
        assertThat(s.nulChars()).isEqualTo(NulCharPolicy.STRIP);
        assertThat(s.metricsPort()).isNull();
        assertThat(s.metricsAddress()).isEqualTo("127.0.0.1");
    }

    @Test
    void readsAFileWrittenForPgChameleon() {
        ChameleonConfig config = Fixtures.loadResource(home, "pg_chameleon-style.yml");

        assertThat(config.name()).isEqualTo("pg_chameleon-style");
        assertThat(config.sourceNames()).containsExactly("mysql", "pgsql");
        assertThat(config.typeOverrides().find(new TableName("sakila", "film"), "tinyint(1)")).hasValue("boolean");
        assertThat(config.fillfactor().levelFor(new TableName("sakila", "actor"))).hasValue(40);

        SourceConfig mysql = config.source("mysql");
        assertThat(mysql.dbConn().port()).isEqualTo(3306);
        assertThat(mysql.limitTables()).containsExactly(new TableName("sakila", "film"));
        assertThat(mysql.skipEvents().get(EventKind.INSERT)).containsExactly("sakila.film");
        assertThat(mysql.skipEvents().get(EventKind.DELETE)).containsExactly("world");
        assertThat(mysql.skipEvents().get(EventKind.UPDATE)).isEmpty();
        assertThat(mysql.onErrorRead()).isEqualTo(OnError.CONTINUE);
        assertThat(mysql.keepExistingSchema()).isFalse();

        SourceConfig pgsql = config.source("pgsql");
        assertThat(pgsql.type()).isEqualTo(SourceType.PGSQL);
        assertThat(pgsql.dbConn().database()).isEqualTo("db_legacy");
        assertThat(pgsql.lockTimeout()).isEqualTo("10s");
        assertThat(pgsql.replicaBatchSize()).isEqualTo(3000);
    }

    @Test
    void skipEventsMatchATableByItsSchemaOrByItsExactName() {
        SourceConfig s = Fixtures.load(home, Fixtures.minimalWith("    skip_events:", "      insert:",
                "        - inventory.audit", "      update:", "        - inventory.audit", "      delete:",
                "        - inventory")).source("mysql");

        assertThat(s.skippedEvents(new TableName("inventory", "audit")))
                .containsExactlyInAnyOrder(EventKind.INSERT, EventKind.UPDATE, EventKind.DELETE);
        assertThat(s.skippedEvents(new TableName("inventory", "Audit"))).containsExactly(EventKind.DELETE);
        assertThat(s.skippedEvents(new TableName("inventory", "items"))).containsExactly(EventKind.DELETE);
        assertThat(s.skippedEvents(new TableName("other", "audit"))).isEmpty();
        assertThat(Fixtures.load(home, Fixtures.minimal()).source("mysql")
                .skippedEvents(new TableName("inventory", "audit"))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"Yes,true", "No,false", "yes,true", "no,false", "YES,true", "NO,false", "true,true",
            "false,false", "True,true", "FALSE,false", "on,true", "off,false", "'\"Yes\"',true"})
    void yamlBooleans(String written, boolean read) {
        ChameleonConfig config = Fixtures.load(home, Fixtures.minimalWith(
                "    keep_existing_schema: " + written, "    gtid_enable: " + written));

        assertThat(config.source("mysql").keepExistingSchema()).isEqualTo(read);
        assertThat(config.source("mysql").gtidEnable()).isEqualTo(read);
    }

    @ParameterizedTest
    @ValueSource(strings = {"3307", "\"3307\"", "'3307'"})
    void portsQuotedOrNot(String written) {
        String yaml = Fixtures.minimal().replace("port: 3306", "port: " + written);

        assertThat(Fixtures.load(home, yaml).source("mysql").dbConn().port()).isEqualTo(3307);
    }

    @ParameterizedTest
    @CsvSource({"300M,314572800", "300m,314572800", "64k,65536", "64K,65536", "2G,2147483648", "1g,1073741824",
            "4096,4096", "'\"1G\"',1073741824"})
    void copyMaxMemorySuffixes(String written, long bytes) {
        ChameleonConfig config = Fixtures.load(home, Fixtures.minimalWith("    copy_max_memory: " + written));

        assertThat(config.source("mysql").copyMaxMemory()).isEqualTo(bytes);
    }

    @Test
    void passwordsStayTextWhateverTheyLookLike() {
        String yaml = Fixtures.minimal().replace("    user: reader\n", "    user: reader\n      password: 0123\n")
                .replace("  user: replicator\n", "  user: replicator\n  password: yes\n");

        ChameleonConfig config = Fixtures.load(home, yaml);

        assertThat(config.source("mysql").dbConn().password()).isEqualTo("0123");
        assertThat(config.pgConn().password()).isEqualTo("yes");
    }

    @Test
    void tildeIsTheHomeDirectory() {
        ChameleonConfig config = Fixtures.load(home, "pid_dir: ~/run/chameleon\nlog_dir: /var/log/chameleon\n"
                + Fixtures.minimalWith("    out_dir: ~/csv"));

        assertThat(config.global().pidDir()).isEqualTo(home.resolve("run/chameleon"));
        assertThat(config.global().logDir()).isEqualTo(Path.of("/var/log/chameleon"));
        assertThat(config.source("mysql").outDir()).isEqualTo(home.resolve("csv"));
    }

    @Test
    void emptyListsAndEmptySectionsAreAccepted() {
        ChameleonConfig config = Fixtures.load(home, "type_override:\nfillfactor:\n" + Fixtures.minimalWith(
                "    limit_tables:", "    skip_tables: []", "    grant_select_to:", "    skip_events:",
                "    auto_maintenance:"));

        SourceConfig s = config.source("mysql");
        assertThat(s.limitTables()).isEmpty();
        assertThat(s.skipTables()).isEmpty();
        assertThat(s.grantSelectTo()).isEmpty();
        assertThat(s.skipEvents().get(EventKind.INSERT)).isEmpty();
        assertThat(s.autoMaintenance()).isEqualTo("disabled");
    }

    @Test
    void anchorsAndMergeKeysShareSettingsBetweenSources() {
        ChameleonConfig config = Fixtures.load(home, """
                pg_conn: {host: pg, port: 5432, user: u, database: d}
                sources:
                  first: &common
                    type: mysql
                    db_conn: {host: my, port: 3306, user: reader}
                    copy_mode: direct
                    schema_mappings: {a: a}
                  second:
                    <<: *common
                    my_server_id: 101
                    schema_mappings: {b: b}
                """);

        assertThat(config.source("second").copyMode()).isEqualTo(CopyMode.DIRECT);
        assertThat(config.source("second").dbConn().host()).isEqualTo("my");
        assertThat(config.source("second").schemaMappings()).containsOnlyKeys("b");
    }

    @Test
    void aMysqlSourceIgnoresDbConnDatabase() {
        String yaml = Fixtures.minimal().replace("    user: reader\n", "    user: reader\n      database: unused\n");

        assertThat(Fixtures.load(home, yaml).source("mysql").dbConn().database()).isNull();
    }

    @Test
    void overrideTablesDefaultsToEveryTable() {
        ChameleonConfig config = Fixtures.load(home,
                "type_override:\n  \"int unsigned\":\n    override_to: bigint\n" + Fixtures.minimal());

        assertThat(config.typeOverrides().overrides())
                .containsExactly(new TypeOverride("int unsigned", "bigint", List.of("*")));
    }

    @Test
    void configNameReadsFromTheConfigurationDirectory() {
        Path dir = ConfigLocation.configurationDir(home);
        Fixtures.write(createDirectories(dir), "prod.yml", Fixtures.minimal());
        Fixtures.write(dir, "default.yml", Fixtures.minimal());

        assertThat(ConfigLoader.load("prod", home).file()).isEqualTo(dir.resolve("prod.yml"));
        assertThat(ConfigLoader.load("prod", home).name()).isEqualTo("prod");
        assertThat(ConfigLoader.load("prod.yml", home).file()).isEqualTo(dir.resolve("prod.yml"));
        assertThat(ConfigLoader.load((String) null, home).name()).isEqualTo("default");
        assertThat(ConfigLoader.load(" ", home).name()).isEqualTo("default");
    }

    @Test
    void aValueWithASlashIsAPath() {
        Path elsewhere = createDirectories(home.resolve("etc"));
        Path file = Fixtures.write(elsewhere, "staging.yaml", Fixtures.minimal());

        assertThat(ConfigLoader.load(file.toString(), home).name()).isEqualTo("staging");
        assertThat(ConfigLoader.load("~/etc/staging.yaml", home).file()).isEqualTo(file);
        assertThat(ConfigLocation.resolve("./x.yml", home)).isEqualTo(Path.of("./x.yml"));
    }

    @Test
    void anUnknownNameListsTheConfigurationsThereAre() {
        Path dir = createDirectories(ConfigLocation.configurationDir(home));
        Fixtures.write(dir, "prod.yml", Fixtures.minimal());
        Fixtures.write(dir, ConfigFiles.EXAMPLE_NAME, ConfigFiles.exampleText());

        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.load("prd", home));

        assertThat(e.getMessage()).isEqualTo("--config: found 'prd', but there is no file " + dir.resolve("prd.yml")
                + "; allowed: a path to a .yml file, or one of the configurations in " + dir + ": prod");
    }

    @Test
    void withoutAnyConfigurationTheMessageSaysHowToStart() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.load((String) null, home));

        assertThat(e.getMessage()).startsWith("--config: found 'default (the default)', but there is no file")
                .contains("set_configuration_files").doesNotContain("\n");
    }

    private static Path createDirectories(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

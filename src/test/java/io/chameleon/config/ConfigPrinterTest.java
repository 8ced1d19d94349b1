package io.chameleon.config;

import io.chameleon.format.Json;
import io.chameleon.config.EffectiveSettings.Setting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ConfigPrinterTest {
    @TempDir
    Path home;

    private ChameleonConfig full() {
        return Fixtures.loadResource(home, "pg_chameleon-style.yml");
    }

    @Test
    void showConfigHasEveryKeyOfTheTable() {
        List<Setting> settings = EffectiveSettings.of(full());

        for (ConfigKey<?> key : ConfigKeys.all()) {
            if (key.type() instanceof ValueType.Leaf<?> && !key.name().equals("schema_mappings")) {
                assertThat(settings).as(key.path()).anyMatch(s -> key.matches(s.path()));
            }
        }
        assertThat(settings).anyMatch(s -> s.key().equals("sources.mysql.schema_mappings.sakila"));
    }

    @Test
    void showConfigText() {
        String text = ConfigPrinter.configText(full());

        assertThat(text).startsWith("Configuration pg_chameleon-style (" + home.resolve("pg_chameleon-style.yml")
                + ")\n\nKey ");
        assertThat(text).containsPattern("\nsources\\.mysql\\.copy_max_memory +300M\n")
                .containsPattern("\nsources\\.mysql\\.keep_existing_schema +No\n")
                .containsPattern("\nsources\\.mysql\\.schema_mappings\\.sakila +sakila_pg\n")
                .containsPattern("\nsources\\.mysql\\.skip_events\\.update +-\n")
                .containsPattern("\nsources\\.mysql\\.db_conn\\.password +\\*\\*\\*\n")
                .containsPattern("\nsources\\.mysql\\.db_conn\\.database +-\n")
                .containsPattern("\ntype_override\\.tinyint\\(1\\)\\.override_tables +\\*\n")
                .containsPattern("\nfillfactor\\.30\\.tables +sakila\\.film\n")
                .containsPattern("\nlog_dir +" + home.resolve(".pg_chameleon/logs") + "\n");
    }

    @Test
    void showConfigTextWithoutOverridesOrFillfactor() {
        String text = ConfigPrinter.configText(Fixtures.load(home, Fixtures.minimal()));

        assertThat(text).containsPattern("\ntype_override +-\n").containsPattern("\nfillfactor +-\n")
                .containsPattern("\npg_conn\\.password +-\n");
    }

    @Test
    @SuppressWarnings("unchecked")
    void showConfigJsonNestsKeysAsTheFileDoes() {
        Map<String, Object> json = parse(ConfigPrinter.configJson(full()));

        assertThat(json).containsEntry("name", "pg_chameleon-style");
        Map<String, Object> settings = (Map<String, Object>) json.get("settings");
        Map<String, Object> mysql = (Map<String, Object>) ((Map<String, Object>) settings.get("sources")).get("mysql");
        assertThat(mysql).containsEntry("copy_max_memory", 314572800).containsEntry("keep_existing_schema", false)
                .containsEntry("copy_mode", "file").containsEntry("limit_tables", List.of("sakila.film"))
                .containsEntry("schema_mappings", Map.of("sakila", "sakila_pg", "world", "world_pg"));
        assertThat((Map<String, Object>) mysql.get("db_conn")).containsEntry("port", 3306)
                .containsEntry("password", "***").containsEntry("database", null);
        assertThat((Map<String, Object>) settings.get("fillfactor")).containsOnlyKeys("30", "40");
    }

    @Test
    void showSourcesText() {
        String text = ConfigPrinter.sourcesText(full().sources().values());

        assertThat(text).isEqualTo("""
                Source mysql
                  Type             mysql
                  Connection       usr_source@localhost:3306
                  Schema mappings  sakila -> sakila_pg, world -> world_pg
                  Limit tables     sakila.film
                  Skip tables      world.city
                  Copy             file mode, 4 workers, 300M max memory, files in /tmp

                Source pgsql
                  Type             pgsql
                  Connection       usr_source@localhost:5432/db_legacy
                  Schema mappings  legacy -> legacy_pg
                  Limit tables     -
                  Skip tables      -
                  Copy             file mode, 4 workers, 300M max memory, files in /tmp
                """);
    }

    @Test
    @SuppressWarnings("unchecked")
    void showSourcesJson() {
        Map<String, Object> json = parse(ConfigPrinter.sourcesJson(List.of(full().source("mysql"))));

        List<Map<String, Object>> sources = (List<Map<String, Object>>) json.get("sources");
        assertThat(sources).hasSize(1);
        assertThat(sources.get(0)).containsEntry("name", "mysql").containsEntry("port", 3306)
                .containsEntry("copy_workers", 4).containsEntry("skip_tables", List.of("world.city"))
                .containsEntry("database", null).doesNotContainKey("password");
    }

    @Test
    void jsonEscapesText() {
        assertThat(Json.pretty(Map.of("k", "a\"b\\c\nd\u0001"))).isEqualTo("{\n  \"k\": \"a\\\"b\\\\c\\nd\\u0001\"\n}\n");
        assertThat(Json.pretty(List.of())).isEqualTo("[]\n");
    }

    /** JSON is YAML, so SnakeYAML checks the output is well formed. */
    private static Map<String, Object> parse(String json) {
        return new Yaml(new SafeConstructor(new LoaderOptions())).load(json);
    }
}

package io.chameleon.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every key of pg_chameleon 2.0's documented example configuration (copied into
 * config/pg_chameleon-2.0-documented.yml) is accepted by the loader and has its section in
 * docs/configuration.md.
 */
class DocumentedKeysTest {
    private static final String EXAMPLE = "pg_chameleon-2.0-documented.yml";

    @TempDir
    Path home;

    @Test
    void theDocumentedExampleIsAccepted() {
        ChameleonConfig config = Fixtures.loadResource(home, EXAMPLE);

        assertThat(config.sourceNames()).containsExactly("mysql", "pgsql");
        assertThat(config.source("pgsql").type()).isEqualTo(SourceConfig.SourceType.PGSQL);
        assertThat(config.source("pgsql").dbConn().database()).isEqualTo("db_replica");
        assertThat(config.global().rollbarEnabled()).isFalse();
    }

    @Test
    void everyDocumentedKeyIsAKeyWithItsSectionInTheReference() throws IOException {
        String reference = Files.readString(Path.of("docs", "configuration.md"));
        Map<?, ?> tree = new Yaml().load(Fixtures.resource(EXAMPLE));
        Set<String> found = new TreeSet<>();

        walk(tree, new ArrayList<>(), found);

        for (String key : found) {
            assertThat(reference).as(key).contains("\n### `" + key + "`\n");
        }
        assertThat(found).contains("pid_dir", "log_dir", "log_dest", "log_level", "log_days_keep", "rollbar_key",
                "rollbar_env", "type_override.<type>.override_to", "type_override.<type>.override_tables",
                "pg_conn.charset", "sources.<name>.db_conn.connect_timeout", "sources.<name>.db_conn.database",
                "sources.<name>.skip_events.insert", "sources.<name>.skip_events.update",
                "sources.<name>.skip_events.delete", "sources.<name>.keep_existing_schema",
                "sources.<name>.gtid_enable", "sources.<name>.auto_maintenance", "fillfactor.<level>.tables");
        assertThat(found).hasSizeGreaterThan(45);
    }

    /** Every map key below {@code node} is an instance of a declared key; values of a leaf are not walked. */
    private static void walk(Map<?, ?> node, List<String> at, Set<String> found) {
        for (Map.Entry<?, ?> e : node.entrySet()) {
            List<String> path = new ArrayList<>(at);
            path.add(String.valueOf(e.getKey()));
            Optional<ConfigKey<?>> key = ConfigKeys.all().stream().filter(k -> k.matches(path)).findFirst();
            assertThat(key).as("%s is not a key Chameleon knows", String.join(".", path)).isPresent();
            found.add(key.get().path());
            if (!(key.get().type() instanceof ValueType.Leaf<?>) && e.getValue() instanceof Map<?, ?> children) {
                walk(children, path, found);
            }
        }
    }
}

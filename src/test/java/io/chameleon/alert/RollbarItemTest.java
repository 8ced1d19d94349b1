package io.chameleon.alert;

import io.chameleon.config.ChameleonConfig;
import io.chameleon.config.ConfigLoader;
import io.chameleon.config.Secrets;
import io.chameleon.format.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RollbarItemTest {
    private static final String KEY = "rbk_0123456789abcdef";
    private static final String PASSWORD = "s3cr3t-pw";

    @TempDir
    Path home;

    @Test
    void levelsInPgChameleonsOrder() {
        assertThat(AlertLevel.parse(null)).isEqualTo(AlertLevel.INFO);
        assertThat(AlertLevel.parse("Critical")).isEqualTo(AlertLevel.CRITICAL);
        assertThat(AlertLevel.CRITICAL.within(AlertLevel.CRITICAL)).isTrue();
        assertThat(AlertLevel.ERROR.within(AlertLevel.CRITICAL)).isFalse();
        assertThat(AlertLevel.WARNING.within(AlertLevel.ERROR)).isFalse();
        assertThat(AlertLevel.ERROR.within(AlertLevel.WARNING)).isTrue();
        assertThat(AlertLevel.INFO.within(AlertLevel.INFO)).isTrue();
        assertThatThrownBy(() -> AlertLevel.parse("debug"))
                .hasMessage("--rollbar-level: found 'debug'; allowed: critical, error, warning, info");
    }

    @Test
    void aMessageItemCarriesWhatRollbarNeedsAndNoSecret() throws Exception {
        Map<String, Object> data = data(Alert.error("mysql", "source mysql: table shop.t left out of replay at mysql-bin.000002:120",
                "password " + PASSWORD + " and key " + KEY + " in a message"));

        assertThat(data).containsEntry("environment", "prod").containsEntry("level", "error")
                .containsEntry("language", "java").containsEntry("timestamp", 1_700_000_000L)
                .containsEntry("title", "source mysql: table shop.t left out of replay at mysql-bin.000002:120")
                .containsEntry("server", Map.of("host", "db1"))
                .containsEntry("notifier", Map.of("name", "chameleon", "version", "1.2.3"))
                .containsEntry("custom", Map.of("config", "prod", "source", "mysql"));
        assertThat(Json.compact(data)).doesNotContain(KEY, PASSWORD).contains("password *** and key ***");
    }

    @Test
    void aFailureIsATraceChainOldestFrameFirst() throws Exception {
        Exception failure = new IllegalStateException("replay failed", new SQLException("login " + PASSWORD + " refused"));
        Map<String, Object> body = map(data(Alert.critical("mysql", "replica of source mysql stopped by an error",
                failure)).get("body"));

        List<?> chain = (List<?>) body.get("trace_chain");
        assertThat(chain).hasSize(2);
        Map<String, Object> first = map(chain.get(0));
        assertThat(map(first.get("exception"))).containsEntry("class", "java.lang.IllegalStateException")
                .containsEntry("message", "replay failed");
        List<?> frames = (List<?>) first.get("frames");
        assertThat(map(frames.get(frames.size() - 1))).containsEntry("method",
                "aFailureIsATraceChainOldestFrameFirst");
        assertThat(map(map(chain.get(1)).get("exception"))).containsEntry("message", "login *** refused");
    }

    @Test
    void aLongTitleIsCut() throws Exception {
        Map<String, Object> data = data(Alert.info("mysql", "x".repeat(400), null));

        assertThat((String) data.get("title")).hasSize(255).endsWith("…");
    }

    private Map<String, Object> data(Alert alert) throws Exception {
        Path file = Files.writeString(home.resolve("prod.yml"), "rollbar_key: '" + KEY + "'\nrollbar_env: prod\n"
                + "pg_conn:\n  host: pg\n  port: 5432\n  user: replicator\n  password: '" + PASSWORD + "'\n"
                + "  database: target\nsources:\n  mysql:\n    type: mysql\n    db_conn:\n      host: my\n"
                + "      port: 3306\n      user: reader\n    schema_mappings:\n      shop: shop\n");
        ChameleonConfig config = ConfigLoader.load(file, home);
        RollbarSettings settings = new RollbarSettings(KEY, "prod", URI.create("http://127.0.0.1:1/"), AlertLevel.INFO,
                config.name(), "db1", "1.2.3", Secrets.of(config));
        return map(map(Json.parse(RollbarItem.json(alert, settings, Instant.ofEpochSecond(1_700_000_000L))))
                .get("data"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object json) {
        return (Map<String, Object>) json;
    }
}

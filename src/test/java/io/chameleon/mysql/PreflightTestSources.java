package io.chameleon.mysql;

import io.chameleon.config.DbConn;
import io.chameleon.config.SourceConfig;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Source configurations for the preflight tests, with pg_chameleon's defaults for the keys they ignore. */
final class PreflightTestSources {
    private PreflightTestSources() {}

    static SourceConfig mysql(String name, DbConn db, Map<String, String> schemaMappings, int myServerId) {
        return new SourceConfig(name, SourceConfig.SourceType.MYSQL, db, schemaMappings, List.of(), List.of(),
                List.of(), "120s", myServerId, 10000, 10000, "1 day", 70 * 1024 * 1024L, SourceConfig.CopyMode.FILE,
                Path.of("/tmp"), 1, SourceConfig.OnError.CONTINUE, SourceConfig.OnError.EXIT, "disabled", false,
                Map.of(), false, 600, 4, SourceConfig.ZeroDatePolicy.NULL, SourceConfig.NulCharPolicy.STRIP, null,
                "127.0.0.1");
    }
}

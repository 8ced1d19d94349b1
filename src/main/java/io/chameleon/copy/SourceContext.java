package io.chameleon.copy;

import io.chameleon.mysql.ServerInfo;
import io.chameleon.schema.TableName;

import java.util.Map;

/**
 * What the load knew of the servers when it read the table definitions: with the definitions, what
 * DDL replay needs to start from the tables exactly as init_replica built them.
 *
 * @param postgis whether PostGIS is installed in the target database
 * @param tableCharsets each table's default character set
 * @param schemaCharsets each mapped schema's default character set
 */
public record SourceContext(ServerInfo server, boolean postgis, Map<TableName, String> tableCharsets,
        Map<String, String> schemaCharsets) {

    public SourceContext {
        tableCharsets = Map.copyOf(tableCharsets);
        schemaCharsets = Map.copyOf(schemaCharsets);
    }
}

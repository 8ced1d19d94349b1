package io.chameleon.pgsource;

import io.chameleon.schema.TableName;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * What is built after the rows: keys, indexes, checks, defaults, identities, sequences, comments,
 * foreign keys. A stub with the agreed API: the pgstructure branch brings the real class.
 */
public final class PostDataStructure {
    private PostDataStructure() {}

    public static PostDataStructure read(Connection source, List<TableName> tables, Map<String, String> schemaMap)
            throws SQLException {
        return new PostDataStructure();
    }

    public void build(Connection target) throws SQLException {
        // the pgstructure branch builds it
    }

    public void validateForeignKeys(Connection target) throws SQLException {
        // the pgstructure branch validates them
    }

    public List<String> warnings() {
        return List.of();
    }
}

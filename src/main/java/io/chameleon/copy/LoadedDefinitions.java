package io.chameleon.copy;

import io.chameleon.schema.TableName;

import java.util.Map;

/**
 * The definitions DDL replay starts from for the tables a load copied, as the catalogue keeps them
 * (JSON): stored with the load, so DDL run between the copy and the first start_replica is replayed
 * onto the definitions the copy had, not onto MySQL's later ones.
 */
@FunctionalInterface
public interface LoadedDefinitions {
    Map<TableName, String> of(LoadResult result);
}

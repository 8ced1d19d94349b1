package io.chameleon.catalog;

import io.chameleon.schema.TableName;

/** A copied table whose changes are not replayed, and why. */
public record TableNotReplicated(TableName mysqlName, String pgSchema, String pgTable, String reason) {}

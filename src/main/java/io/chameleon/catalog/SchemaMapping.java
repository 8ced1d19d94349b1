package io.chameleon.catalog;

/** A MySQL schema and the PostgreSQL schema it is replicated into. */
public record SchemaMapping(String mysqlSchema, String pgSchema) {}

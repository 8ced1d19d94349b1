/**
 * DDL replay: a MySQL/MariaDB statement from the binlog is parsed with a real grammar, resolved
 * against the tracked table definitions and translated into PostgreSQL statements, or skipped
 * with the reason.
 */
package io.chameleon.ddl;

/**
 * The MySQL/MariaDB source: connections, server flavour, preflight checks, table metadata from
 * information_schema and the consistent snapshot the initial copy reads from.
 */
package io.chameleon.mysql;

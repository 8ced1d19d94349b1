/**
 * The MySQL → PostgreSQL type map and the value converters that turn MySQL's text for a value into
 * PostgreSQL COPY text, shared by the initial copy and the binlog path.
 */
package io.chameleon.types;

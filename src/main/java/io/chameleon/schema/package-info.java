/** The table definitions the pipeline shares: columns, keys and indexes as read from MySQL. */
package io.chameleon.schema;

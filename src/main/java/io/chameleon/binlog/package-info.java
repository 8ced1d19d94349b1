/**
 * The binlog reader: resumes from the applied position, decodes row events with the tracked
 * column definitions, filters them, and cuts the stream into whole source transactions.
 */
package io.chameleon.binlog;

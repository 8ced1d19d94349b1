/**
 * The PostgreSQL source ({@code type: pgsql}): init_replica copies its tables from one exported
 * snapshot with parallel COPY streams, then builds what comes after the rows and swaps the copy in.
 */
package io.chameleon.pgsource;

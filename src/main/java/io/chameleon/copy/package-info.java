/**
 * The initial load (init_replica): plan tables and key-range chunks, stream each chunk's SELECT
 * into COPY in parallel, salvage what COPY rejects row by row, build keys and indexes after the
 * data, and swap the loading schema into place.
 */
package io.chameleon.copy;

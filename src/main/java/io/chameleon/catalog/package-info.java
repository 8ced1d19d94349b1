/**
 * The replica catalogue (schema {@code sch_chameleon} in the target database): created and
 * upgraded by numbered migrations, and read and written by every stage for sources, schema
 * mappings, replicated tables, positions, errors, discarded rows and status.
 */
package io.chameleon.catalog;

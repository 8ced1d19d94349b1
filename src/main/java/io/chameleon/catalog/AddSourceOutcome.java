package io.chameleon.catalog;

/**
 * What {@code add_source} did: added the source, or found it already there and changed nothing
 * (a warning for the user, as in pg_chameleon).
 */
public record AddSourceOutcome(int sourceId, String name, boolean alreadyPresent) {}

package io.chameleon.catalog;

import java.time.Instant;

/** A migration as recorded in the catalogue: when it ran and which Chameleon version ran it. */
public record AppliedMigration(int version, String description, Instant appliedAt, String chameleonVersion) {}

package io.chameleon.pgsource;

/**
 * A column of a source table and what it becomes in the target.
 *
 * @param sourceType the source's declaration, {@code format_type(atttypid, atttypmod)}
 * @param targetType the target's declaration: the same, a user type re-qualified into the target schema, or
 *                   {@code text} for a type the target does not have
 * @param asText true when the value travels as its text form into a {@code text} column
 */
record SourceColumn(String name, String sourceType, String targetType, boolean nullable, boolean asText) {
}

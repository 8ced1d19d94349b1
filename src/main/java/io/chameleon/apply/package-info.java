/**
 * The applier: reduces a batch of whole source transactions to each touched row's final state
 * ({@link io.chameleon.apply.BatchReducer}) and writes it set-based into PostgreSQL, together with
 * the new applied position, in one PostgreSQL transaction ({@link io.chameleon.apply.BatchApplier}).
 */
package io.chameleon.apply;

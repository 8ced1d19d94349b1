/**
 * {@code detach_replica}: the last step of a migration. The replicated schemas are made to work on
 * their own (sequences past every key, MySQL's foreign keys created) and the source leaves the
 * catalogue.
 */
package io.chameleon.detach;

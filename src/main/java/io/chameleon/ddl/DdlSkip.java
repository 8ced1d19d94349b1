package io.chameleon.ddl;

/** A statement, or a part of it, that cannot be followed in PostgreSQL: the message says why. */
final class DdlSkip extends RuntimeException {
    DdlSkip(String reason) {
        super(reason);
    }
}

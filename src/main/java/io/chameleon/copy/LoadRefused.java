package io.chameleon.copy;

/** A load that cannot start as asked (a table that does not exist); nothing was changed. */
public final class LoadRefused extends RuntimeException {
    public LoadRefused(String message) {
        super(message);
    }
}

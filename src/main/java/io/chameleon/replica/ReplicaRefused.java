package io.chameleon.replica;

/** The source cannot be replicated now (its state, a missing position); the message says why and what to do. */
public final class ReplicaRefused extends RuntimeException {
    public ReplicaRefused(String message) {
        super(message);
    }
}

package io.chameleon.binlog;

/**
 * Where the reader hands each whole transaction. Called on the reader's thread in binlog order;
 * blocking here (a full queue) slows the reader down instead of buffering without bound.
 */
@FunctionalInterface
public interface TransactionSink {
    void accept(SourceTransaction transaction) throws InterruptedException;
}

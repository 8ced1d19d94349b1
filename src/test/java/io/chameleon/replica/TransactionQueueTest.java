package io.chameleon.replica;

import io.chameleon.binlog.BatchBounds;
import io.chameleon.binlog.RowChange;
import io.chameleon.binlog.SourceTransaction;
import io.chameleon.mysql.BinlogPosition;
import io.chameleon.schema.TableName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The queue between reader and applier: bounded in bytes as well as in transactions (a reader
 * over the bound waits until the applier takes a batch), batches closed at the row and byte
 * bounds, and every part of a transaction larger than a batch a batch of its own.
 */
class TransactionQueueTest {
    private static final TableName T = new TableName("shop", "items");
    private static final Duration COLLECT = Duration.ofSeconds(30);
    private static final Duration IDLE = Duration.ofMillis(10);
    private static final BatchBounds LARGE = new BatchBounds(1_000_000, Long.MAX_VALUE);

    private int position = 4;

    @Test
    void aReaderOverTheByteBoundWaitsUntilTheApplierTakesABatch() throws Exception {
        SourceTransaction one = tx(1, 1000);
        TransactionQueue queue = new TransactionQueue(100, 3 * one.heapBytes(), LARGE);
        AtomicInteger accepted = new AtomicInteger();
        Thread reader = reader(queue, accepted, IntStream.range(0, 5).mapToObj(i -> tx(1, 1000)).toList());

        awaitBlockedAfter(reader, accepted, 3);

        assertThat(queue.nextBatch(COLLECT, IDLE)).hasSize(3);
        reader.join();
        assertThat(accepted).hasValue(5);
        assertThat(queue.nextBatch(COLLECT, IDLE)).hasSize(2);
    }

    @Test
    void aTransactionLargerThanTheByteBoundGoesInAloneOnceTheQueueIsEmpty() throws Exception {
        TransactionQueue queue = new TransactionQueue(100, tx(1, 1000).heapBytes(), LARGE);
        AtomicInteger accepted = new AtomicInteger();
        Thread reader = reader(queue, accepted, List.of(tx(1, 10), tx(50, 1000), tx(1, 10)));

        awaitBlockedAfter(reader, accepted, 1);
        assertThat(queue.nextBatch(COLLECT, IDLE)).hasSize(1);
        awaitBlockedAfter(reader, accepted, 2);
        assertThat(queue.nextBatch(COLLECT, IDLE)).singleElement().satisfies(t -> assertThat(t.changes()).hasSize(50));
        reader.join();
        assertThat(queue.nextBatch(COLLECT, IDLE)).hasSize(1);
    }

    @Test
    void theTransactionCountBoundsTheQueueToo() throws Exception {
        TransactionQueue queue = new TransactionQueue(2, Long.MAX_VALUE, LARGE);
        AtomicInteger accepted = new AtomicInteger();
        Thread reader = reader(queue, accepted, List.of(tx(1, 1), tx(1, 1), tx(1, 1)));

        awaitBlockedAfter(reader, accepted, 2);
        assertThat(queue.nextBatch(COLLECT, IDLE)).hasSize(2);
        reader.join();
    }

    @Test
    void aBatchClosesOnceItReachesTheRowBound() throws Exception {
        TransactionQueue queue = new TransactionQueue(100, Long.MAX_VALUE, new BatchBounds(5, Long.MAX_VALUE));
        for (int i = 0; i < 7; i++) {
            queue.accept(tx(2, 10));
        }

        assertThat(batchSizes(queue)).containsExactly(3, 3, 1);
    }

    @Test
    void aBatchClosesOnceItReachesTheByteBound() throws Exception {
        SourceTransaction one = tx(1, 1000);
        TransactionQueue queue = new TransactionQueue(100, Long.MAX_VALUE, new BatchBounds(1000, 2 * one.heapBytes()));
        for (int i = 0; i < 5; i++) {
            queue.accept(tx(1, 1000));
        }

        assertThat(batchSizes(queue)).containsExactly(2, 2, 1);
    }

    @Test
    void everyPartOfATransactionLargerThanABatchIsABatchOfItsOwn() throws Exception {
        TransactionQueue queue = new TransactionQueue(100, Long.MAX_VALUE, LARGE);
        queue.accept(tx(1, 10));
        queue.accept(part(1, false));
        queue.accept(part(2, false));
        queue.accept(part(3, true));
        queue.accept(tx(1, 10));
        queue.accept(tx(1, 10));

        List<String> batches = new ArrayList<>();
        for (List<SourceTransaction> b = queue.nextBatch(COLLECT, IDLE); !b.isEmpty(); b = queue.nextBatch(COLLECT, IDLE)) {
            batches.add(b.stream().map(t -> t.whole() ? "whole" : "part " + t.part()).toList().toString());
        }
        assertThat(batches).containsExactly("[whole]", "[part 1]", "[part 2]", "[part 3]", "[whole, whole]");
    }

    @Test
    void closingReleasesAWaitingReaderAndRefusesWhatItHeld() throws Exception {
        TransactionQueue queue = new TransactionQueue(1, Long.MAX_VALUE, LARGE);
        AtomicInteger accepted = new AtomicInteger();
        Thread reader = reader(queue, accepted, List.of(tx(1, 1), tx(7, 1)));
        awaitBlockedAfter(reader, accepted, 1);

        queue.close();
        reader.join();

        assertThat(queue.nextBatch(COLLECT, IDLE)).singleElement().satisfies(t -> assertThat(t.changes()).hasSize(1));
        assertThat(queue.nextBatch(COLLECT, IDLE)).isEmpty();
    }

    private static List<Integer> batchSizes(TransactionQueue queue) throws InterruptedException {
        List<Integer> sizes = new ArrayList<>();
        for (List<SourceTransaction> b = queue.nextBatch(COLLECT, IDLE); !b.isEmpty(); b = queue.nextBatch(COLLECT, IDLE)) {
            sizes.add(b.size());
        }
        return sizes;
    }

    /** A thread that hands {@code transactions} to the queue, counting those it got rid of. */
    private static Thread reader(TransactionQueue queue, AtomicInteger accepted, List<SourceTransaction> transactions) {
        Thread reader = new Thread(() -> {
            try {
                for (SourceTransaction t : transactions) {
                    queue.accept(t);
                    accepted.incrementAndGet();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "reader");
        reader.start();
        return reader;
    }

    /** Waits until the reader, having handed on {@code expected} transactions (or more: that fails), blocks in the queue. */
    private static void awaitBlockedAfter(Thread reader, AtomicInteger accepted, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!(reader.getState() == Thread.State.WAITING && accepted.get() >= expected) && reader.isAlive()
                && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(accepted).hasValue(expected);
        assertThat(reader.getState()).as("the reader waits for room").isEqualTo(Thread.State.WAITING);
    }

    /** A whole transaction of {@code rows} inserts, each with a value of {@code valueLength} bytes. */
    /** compare's hold: a batch ends before the first transaction past the limit, which stays queued for after it. */
    @Test
    void aBatchEndsAtAHoldsLimit() throws Exception {
        TransactionQueue queue = new TransactionQueue(100, Long.MAX_VALUE, LARGE);
        List<SourceTransaction> all = List.of(tx(1, 10), tx(1, 10), tx(1, 10), tx(1, 10));
        for (SourceTransaction t : all) {
            queue.accept(t);
        }
        BinlogPosition limit = all.get(1).end();

        assertThat(queue.nextBatch(COLLECT, IDLE, limit)).containsExactly(all.get(0), all.get(1));
        assertThat(queue.headWithin(limit)).isFalse();
        assertThat(queue.nextBatch(COLLECT, Duration.ZERO, limit)).isEmpty();
        assertThat(queue.nextBatch(COLLECT, IDLE)).containsExactly(all.get(2), all.get(3));
    }

    private SourceTransaction tx(int rows, int valueLength) {
        List<RowChange> changes = IntStream.range(0, rows)
                .mapToObj(i -> new RowChange(T, RowChange.Kind.INSERT, null, new byte[][] {new byte[valueLength]}))
                .toList();
        return new SourceTransaction(changes, new BinlogPosition("mysql-bin.000001", position += 100, null), Instant.EPOCH);
    }

    private SourceTransaction part(int part, boolean last) {
        SourceTransaction t = tx(3, 10);
        return new SourceTransaction(t.changes(), t.end(), t.sourceTime(), part, last);
    }
}

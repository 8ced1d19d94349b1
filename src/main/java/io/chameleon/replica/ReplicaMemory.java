package io.chameleon.replica;

import io.chameleon.binlog.BatchBounds;
import io.chameleon.config.SourceConfig;

/**
 * How much the replica holds in memory, from the source's configuration and the JVM's heap limit.
 *
 * <p>A batch, and a part of a transaction larger than a batch, holds at most
 * min(replica_batch_size, replay_max_rows) row changes: pg_chameleon reads replica_batch_size rows
 * before writing them and replays replay_max_rows per step, and a part is both. It also holds at
 * most a sixteenth of the heap in row images, and the queue between reader and applier an eighth:
 * with the part being read, the queue and the batch being applied (whose reduction roughly doubles
 * it), the replica's rows take about a third of the heap whatever their size, which leaves the rest
 * to the drivers, the COPY buffers and the collector.
 *
 * @param batch the bounds of a batch and of a part
 * @param queueBytes the most bytes of row images queued between reader and applier
 */
record ReplicaMemory(BatchBounds batch, long queueBytes) {

    static ReplicaMemory of(int replicaBatchSize, int replayMaxRows, long maxHeap) {
        return new ReplicaMemory(new BatchBounds(Math.min(replicaBatchSize, replayMaxRows), maxHeap / 16), maxHeap / 8);
    }

    /** For the source's keys and this JVM's heap limit ({@code -Xmx}). */
    static ReplicaMemory of(SourceConfig source) {
        return of(source.replicaBatchSize(), source.replayMaxRows(), Runtime.getRuntime().maxMemory());
    }
}

package io.chameleon.mysql;

/** How the initial copy got a consistent view of the source. */
public enum SnapshotMethod {
    /** FLUSH TABLES WITH READ LOCK held while the workers open their snapshots: one point for all tables. */
    GLOBAL_LOCK,
    /**
     * MariaDB without the global lock: each worker's snapshot reports its own binlog coordinates
     * (binlog_snapshot_file/position); a table is copied whole by one worker and stored with that
     * worker's coordinates, and the stream makes the tables consistent from there.
     */
    PER_WORKER,
    /**
     * MySQL without the global lock (RDS, Aurora): before each table, a brief LOCK TABLES ... READ
     * while the worker opens a fresh snapshot and the coordinates are read; each table has its own.
     */
    PER_TABLE
}

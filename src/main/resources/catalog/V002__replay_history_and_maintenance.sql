-- Catalogue migration 2: the replay history behind show_status's counters, and maintenance times.
-- Runs in one transaction; the runner records it in chameleon_migrations afterwards.

-- One row per source and minute rather than per batch: a replica under load applies tens of
-- batches a second, and a day of per-batch rows (pg_chameleon's t_replica_batch) would weigh
-- gigabytes, while the counters show_status gives need minutes at most.
CREATE TABLE sch_chameleon.replay_history (
    source_id             integer NOT NULL REFERENCES sch_chameleon.sources ON DELETE CASCADE,
    minute_start          timestamptz NOT NULL,
    batches               integer NOT NULL CHECK (batches > 0),
    transactions          bigint NOT NULL,
    row_changes           bigint NOT NULL,
    skipped_row_changes   bigint NOT NULL,
    ddl                   bigint NOT NULL,
    total_replay_lag      interval,
    max_replay_lag        interval,
    last_binlog_file      text NOT NULL,
    last_binlog_position  bigint NOT NULL,
    last_gtid_set         text,
    last_applied_at       timestamptz NOT NULL,
    PRIMARY KEY (source_id, minute_start)
);
COMMENT ON TABLE sch_chameleon.replay_history IS
    'What replay applied, per source and minute: batches, MySQL transactions, row changes applied and skipped, DDL, replay lag and the last applied position. Written with each batch in its transaction; rows older than the source''s batch_retention are deleted by the running replica and by run_maintenance. show_status --source sums the last hour and day.';
COMMENT ON COLUMN sch_chameleon.replay_history.minute_start IS 'The minute (PostgreSQL''s clock) in which the batches were committed.';
COMMENT ON COLUMN sch_chameleon.replay_history.skipped_row_changes IS 'Row changes of tables without a replica key, or left out by on_error_replay continue.';
COMMENT ON COLUMN sch_chameleon.replay_history.total_replay_lag IS 'Sum over the batches of commit time minus the MySQL time of their last transaction: divided by batches, the average replay lag.';

ALTER TABLE sch_chameleon.sources
    ADD COLUMN skipped_rows bigint NOT NULL DEFAULT 0,
    ADD COLUMN last_maintenance_at timestamptz;
COMMENT ON COLUMN sch_chameleon.sources.skipped_rows IS 'Row changes replay left out, in total: tables without a replica key, or disabled by on_error_replay continue.';
COMMENT ON COLUMN sch_chameleon.sources.last_maintenance_at IS 'When run_maintenance or auto_maintenance last vacuumed the source''s tables; the next automatic run is due auto_maintenance after it.';

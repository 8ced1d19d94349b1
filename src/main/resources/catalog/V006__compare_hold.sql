-- Catalogue migration 6: compare asks a running replica to hold at one binlog point. The replica
-- process and the compare process share nothing else, so the request and each step of its answer
-- are rows and timestamps here. Runs in one transaction; the runner records it afterwards.

CREATE TABLE sch_chameleon.replica_holds (
    source_id              integer PRIMARY KEY REFERENCES sch_chameleon.sources ON DELETE CASCADE,
    requested_at           timestamptz NOT NULL DEFAULT clock_timestamp(),
    timeout_seconds        integer NOT NULL CHECK (timeout_seconds > 0),
    limit_binlog_file      text,
    limit_binlog_position  bigint,
    limit_gtid_set         text,
    seen_at                timestamptz,
    target_binlog_file     text,
    target_binlog_position bigint,
    target_gtid_set        text,
    paused_at              timestamptz,
    held_at                timestamptz,
    released_at            timestamptz,
    resumed_at             timestamptz,
    resumed_why            text,
    CHECK ((target_binlog_file IS NULL) = (target_binlog_position IS NULL))
);
COMMENT ON TABLE sch_chameleon.replica_holds IS
    'A hold asked by compare: the replica applies up to the target position exactly, records held_at, and applies nothing more until released_at is set or timeout_seconds pass. One row per source: a second compare of the same source is refused while one is not resumed.';
COMMENT ON COLUMN sch_chameleon.replica_holds.limit_binlog_file IS
    'Where the replica''s reader was when it saw the request (seen_at): it applies up to there while compare opens the MySQL snapshot, whose position can only be later.';
COMMENT ON COLUMN sch_chameleon.replica_holds.paused_at IS
    'When the replica first had to wait for the hold (nothing left to apply within the limit): its pause runs from here to resumed_at.';
COMMENT ON COLUMN sch_chameleon.replica_holds.resumed_why IS
    'released (by compare), timeout (compare went away), restarted (the replica started again), the replica stopped, or passed the target (the replica was past compare''s point: it cannot hold there).';

-- Catalogue migration 5: the values replay adjusted under the source's value policies (zero_dates,
-- nul_chars), counted with each batch in its transaction, so a batch replayed after a crash is
-- counted once. Runs in one transaction; the runner records it afterwards.

CREATE TABLE sch_chameleon.stream_adjustments (
    source_id              integer NOT NULL REFERENCES sch_chameleon.sources ON DELETE CASCADE,
    mysql_schema           text NOT NULL,
    mysql_table            text NOT NULL,
    column_name            text NOT NULL,
    kind                   text NOT NULL,
    adjusted_values        bigint NOT NULL CHECK (adjusted_values > 0),
    first_binlog_file      text NOT NULL,
    first_binlog_position  bigint NOT NULL,
    first_gtid_set         text,
    first_adjusted_at      timestamptz NOT NULL,
    last_binlog_file       text NOT NULL,
    last_binlog_position   bigint NOT NULL,
    last_gtid_set          text,
    last_adjusted_at       timestamptz NOT NULL,
    PRIMARY KEY (source_id, mysql_schema, mysql_table, column_name, kind)
);
COMMENT ON TABLE sch_chameleon.stream_adjustments IS
    'Values replay adjusted under the source''s value policies, per MySQL column and kind (ZERO_DATE_TO_NULL, INVALID_DATE_TO_MINUS_INFINITY, NUL_CHAR_STRIPPED...): how many, and the binlog position (the end of the transaction) of the first and the last. Written with each batch in its transaction; show_status --source lists it.';

ALTER TABLE sch_chameleon.replay_history ADD COLUMN adjusted_values bigint NOT NULL DEFAULT 0;
COMMENT ON COLUMN sch_chameleon.replay_history.adjusted_values IS
    'Values replay adjusted under the source''s value policies (zero_dates, nul_chars) in the minute.';

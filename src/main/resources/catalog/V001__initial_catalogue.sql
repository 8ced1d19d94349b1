-- Catalogue migration 1: the initial catalogue.
-- Runs in one transaction; the runner records it in chameleon_migrations afterwards.
-- Identity of a replicated table throughout is its MySQL name (schema, table): that is what the
-- binlog carries and what --tables takes.

CREATE SCHEMA sch_chameleon;
COMMENT ON SCHEMA sch_chameleon IS
    'Chameleon''s replica catalogue. Changed only by create_replica_schema, upgrade_replica_schema and drop_replica_schema.';

-- Every build, old or new, reads this table's name and its version and chameleon_version columns
-- to decide whether it may touch the catalogue: later migrations must never rename them.
CREATE TABLE sch_chameleon.chameleon_migrations (
    version            integer PRIMARY KEY CHECK (version > 0),
    description        text NOT NULL,
    applied_at         timestamptz NOT NULL DEFAULT clock_timestamp(),
    chameleon_version  text NOT NULL
);
COMMENT ON TABLE sch_chameleon.chameleon_migrations IS
    'One row per numbered migration applied. Its presence marks sch_chameleon as Chameleon''s (not pg_chameleon''s), and the highest version tells which builds may use or upgrade it.';

CREATE TABLE sch_chameleon.sources (
    source_id                       integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source_name                     text NOT NULL CONSTRAINT sources_source_name_key UNIQUE,
    source_type                     text NOT NULL CHECK (source_type IN ('mysql', 'pgsql')),
    status                          text NOT NULL DEFAULT 'ready' CHECK (status IN
                                        ('ready', 'initialising', 'initialised', 'syncing', 'synced',
                                         'stopped', 'running', 'error')),
    status_changed_at               timestamptz NOT NULL DEFAULT clock_timestamp(),
    consistent                      boolean NOT NULL DEFAULT false,
    applied_binlog_file             text,
    applied_binlog_position         bigint,
    applied_gtid_set                text,
    high_watermark_binlog_file      text,
    high_watermark_binlog_position  bigint,
    high_watermark_gtid_set         text,
    read_source_time                timestamptz,
    read_at                         timestamptz,
    replay_source_time              timestamptz,
    replayed_at                     timestamptz,
    replayed_rows                   bigint NOT NULL DEFAULT 0,
    replayed_ddl                    bigint NOT NULL DEFAULT 0,
    process_pid                     bigint,
    process_host                    text,
    process_started_at              timestamptz,
    created_at                      timestamptz NOT NULL DEFAULT clock_timestamp(),
    CHECK ((applied_binlog_file IS NULL) = (applied_binlog_position IS NULL)),
    CHECK ((high_watermark_binlog_file IS NULL) = (high_watermark_binlog_position IS NULL)),
    CHECK ((process_pid IS NULL) = (process_host IS NULL))
);
COMMENT ON TABLE sch_chameleon.sources IS
    'One row per source added with add_source: its status, where replay has got to (written in the same transaction as the rows it covers, so a restart resumes exactly there), the snapshot high watermark, lag timings and the process running it.';
COMMENT ON COLUMN sch_chameleon.sources.status IS 'pg_chameleon''s status values, so its users read them unchanged.';
COMMENT ON COLUMN sch_chameleon.sources.consistent IS 'True once replay has passed high_watermark_*: every table then shows a state MySQL had.';
COMMENT ON COLUMN sch_chameleon.sources.applied_binlog_file IS 'applied_*: the binlog position up to which changes are applied in PostgreSQL; the reader resumes from it.';
COMMENT ON COLUMN sch_chameleon.sources.high_watermark_binlog_file IS 'high_watermark_*: the latest snapshot point of any table; before it some tables may lag behind others.';
COMMENT ON COLUMN sch_chameleon.sources.read_source_time IS 'MySQL time of the newest event read (or of the heartbeat when caught up); read lag is read_at minus this.';
COMMENT ON COLUMN sch_chameleon.sources.replay_source_time IS 'MySQL time of the newest transaction applied; replay lag is replayed_at minus this.';
COMMENT ON COLUMN sch_chameleon.sources.process_pid IS 'process_*: the replica or init process working on the source, so a second one can refuse and stop_replica can find it.';

CREATE TABLE sch_chameleon.schema_mappings (
    source_id     integer NOT NULL REFERENCES sch_chameleon.sources ON DELETE CASCADE,
    mysql_schema  text NOT NULL,
    pg_schema     text NOT NULL CONSTRAINT schema_mappings_pg_schema_key UNIQUE,
    PRIMARY KEY (source_id, mysql_schema),
    -- the target of replicated_tables' foreign key, which keeps their pg_schema in step
    UNIQUE (source_id, mysql_schema, pg_schema)
);
COMMENT ON TABLE sch_chameleon.schema_mappings IS
    'The schema_mappings of each source: which MySQL schema is replicated into which PostgreSQL schema. A PostgreSQL schema belongs to one source only, since init_replica replaces it whole.';

CREATE TABLE sch_chameleon.replicated_tables (
    source_id                 integer NOT NULL,
    mysql_schema              text NOT NULL,
    mysql_table               text NOT NULL,
    pg_schema                 text NOT NULL,
    pg_table                  text NOT NULL,
    replicated                boolean NOT NULL,
    replica_key               text[],
    not_replicated_reason     text,
    columns                   jsonb NOT NULL CHECK (jsonb_typeof(columns) = 'array'),
    snapshot_binlog_file      text,
    snapshot_binlog_position  bigint,
    snapshot_gtid_set         text,
    rows_copied               bigint,
    bytes_copied              bigint,
    copied_at                 timestamptz,
    updated_at                timestamptz NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (source_id, mysql_schema, mysql_table),
    CONSTRAINT replicated_tables_pg_name_key UNIQUE (pg_schema, pg_table),
    FOREIGN KEY (source_id, mysql_schema, pg_schema)
        REFERENCES sch_chameleon.schema_mappings (source_id, mysql_schema, pg_schema)
        ON DELETE CASCADE ON UPDATE CASCADE,
    CHECK (NOT replicated OR replica_key IS NOT NULL),
    CHECK (replicated OR not_replicated_reason IS NOT NULL),
    CHECK ((snapshot_binlog_file IS NULL) = (snapshot_binlog_position IS NULL))
);
COMMENT ON TABLE sch_chameleon.replicated_tables IS
    'Every table of a source that init_replica, sync_tables or refresh_schema copied: whether its changes are replayed and by which key (or why not), the column list the binlog reader decodes rows with, the snapshot point before which its events are skipped, and copy progress for show_status.';
COMMENT ON COLUMN sch_chameleon.replicated_tables.replica_key IS 'Columns identifying a row for replay: the primary key, else the first unique key on NOT NULL columns; NULL when there is none.';
COMMENT ON COLUMN sch_chameleon.replicated_tables.columns IS 'The tracked columns in MySQL ordinal order: [{name, data_type, column_type, pg_type, nullable, unsigned, charset, enum_values, generated}].';
COMMENT ON COLUMN sch_chameleon.replicated_tables.snapshot_binlog_file IS 'snapshot_*: the binlog point the copy was read at; events of the table before it are already in the copy.';
COMMENT ON COLUMN sch_chameleon.replicated_tables.copied_at IS 'When the copy of the table finished; NULL while init_replica has not copied it yet.';

CREATE TABLE sch_chameleon.discarded_rows (
    discard_id       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source_id        integer NOT NULL REFERENCES sch_chameleon.sources ON DELETE CASCADE,
    mysql_schema     text NOT NULL,
    mysql_table      text NOT NULL,
    row_key          text,
    column_name      text,
    reason           text NOT NULL,
    row_image        json,
    binlog_file      text,
    binlog_position  bigint,
    discarded_at     timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX discarded_rows_table_idx ON sch_chameleon.discarded_rows (source_id, mysql_schema, mysql_table);
COMMENT ON TABLE sch_chameleon.discarded_rows IS
    'Rows PostgreSQL could not take (a bad value, a zero date into NOT NULL, a NUL character...), kept with the reason so nothing is lost silently and the rest of the table still lands.';
COMMENT ON COLUMN sch_chameleon.discarded_rows.row_image IS 'Column name to value as text, in MySQL column order (json, not jsonb, to keep that order).';
COMMENT ON COLUMN sch_chameleon.discarded_rows.binlog_file IS 'NULL for a row discarded by the initial copy.';

CREATE TABLE sch_chameleon.error_log (
    log_id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source_id        integer NOT NULL REFERENCES sch_chameleon.sources ON DELETE CASCADE,
    batch_id         bigint,
    mysql_schema     text,
    mysql_table      text,
    error_at         timestamptz NOT NULL DEFAULT clock_timestamp(),
    sql_text         text,
    message          text NOT NULL,
    binlog_file      text,
    binlog_position  bigint
);
CREATE INDEX error_log_source_idx ON sch_chameleon.error_log (source_id, log_id);
COMMENT ON TABLE sch_chameleon.error_log IS
    'Failures of replay and of the copy, with the statement and the binlog position, for show_errors: a table left out of the replica, or a source stopped, always has its reason here.';

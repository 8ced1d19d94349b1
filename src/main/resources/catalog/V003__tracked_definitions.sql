-- Catalogue migration 3: what DDL replay tracks of each table, so that a restart goes on from the
-- applied position with the definitions as they were there (MySQL's current ones may already
-- include later statements). Runs in one transaction; the runner records it afterwards.

ALTER TABLE sch_chameleon.replicated_tables ADD COLUMN definition jsonb;
COMMENT ON COLUMN sch_chameleon.replicated_tables.definition IS
    'The MySQL definition DDL replay tracks at the applied position: columns with types, character sets and defaults, indexes, the table''s default character set and the PostgreSQL name of each index. NULL for a table copied before DDL replay kept it, or no longer tracked (a change that could not be followed): start_replica then reads it from MySQL.';

CREATE TABLE sch_chameleon.schema_charsets (
    source_id     integer NOT NULL REFERENCES sch_chameleon.sources ON DELETE CASCADE,
    mysql_schema  text NOT NULL,
    charset       text NOT NULL,
    PRIMARY KEY (source_id, mysql_schema)
);
COMMENT ON TABLE sch_chameleon.schema_charsets IS
    'The default character set of each mapped MySQL schema as DDL replay tracks it: the character set of tables created without one.';

-- Catalogue migration 4: the lease of the process working on a source. A replica or a load holds
-- it while it runs and renews it on a timer; a second process, on this host or another, is refused
-- while it is live, and takes it over once it has lapsed (its holder died without releasing it).
-- A source left running or copying by a build without leases has no lease: the next start takes it
-- over. Runs in one transaction; the runner records it afterwards.

ALTER TABLE sch_chameleon.sources
    ADD COLUMN lease_token      uuid,
    ADD COLUMN lease_expires_at timestamptz,
    ADD CONSTRAINT sources_lease_check CHECK ((lease_token IS NULL) = (lease_expires_at IS NULL));
COMMENT ON COLUMN sch_chameleon.sources.lease_token IS
    'The lease of the process named by process_*: a fresh value each time a process takes it, so a process that lost it (paused past its expiry while another took over) cannot renew it or commit a position under it.';
COMMENT ON COLUMN sch_chameleon.sources.lease_expires_at IS
    'When the lease lapses unless its holder renews it; after that another process may take the source over.';

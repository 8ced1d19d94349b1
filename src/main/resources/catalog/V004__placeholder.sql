-- Placeholder for catalogue migration 4, added in parallel on another branch: the runner needs
-- consecutive numbers. Dropped when the branches are merged.
SELECT 1;

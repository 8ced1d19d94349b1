-- Catalogue migration 5: a placeholder for a number given to a branch merged in parallel; the lead drops it at merge.
SELECT 1;

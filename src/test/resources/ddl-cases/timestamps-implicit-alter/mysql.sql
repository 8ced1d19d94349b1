-- explicit_defaults_for_timestamp = OFF: what the statement declares follows the rule, with "first" counted
-- in the table's column order after the statement; the columns it does not declare keep their definitions
ALTER TABLE added ADD COLUMN t1 timestamp;
ALTER TABLE added ADD COLUMN t2 timestamp FIRST;
ALTER TABLE added ADD COLUMN t3 timestamp;
ALTER TABLE modified MODIFY x timestamp;
ALTER TABLE made_not_null MODIFY ts timestamp;
ALTER TABLE after_nullable MODIFY t2 timestamp;
ALTER TABLE after_nullable MODIFY t1 timestamp;
ALTER TABLE moved_first CHANGE t2 t2 timestamp FIRST;
ALTER TABLE moved_first ADD COLUMN t3 timestamp FIRST;
-- the first TIMESTAMP is the one first once every clause is applied
ALTER TABLE several_clauses ADD COLUMN t5 timestamp, ADD COLUMN t0 timestamp FIRST, ADD COLUMN t6 timestamp(2) DEFAULT NULL;
ALTER TABLE nullable_first_clause ADD COLUMN t5 timestamp, ADD COLUMN t0 timestamp NULL FIRST;
ALTER TABLE dropped_first DROP COLUMN t1, ADD COLUMN t3 timestamp AFTER id;

-- explicit_defaults_for_timestamp = OFF (MariaDB before 10.10): TIMESTAMP columns not declared NULL are NOT NULL;
-- the first one, without a default or ON UPDATE, defaults to CURRENT_TIMESTAMP; the others to the zero timestamp
CREATE TABLE several (id int PRIMARY KEY, t1 timestamp, t2 timestamp, t3 timestamp NULL,
  t4 timestamp DEFAULT '2020-01-01 00:00:00', d datetime);
CREATE TABLE first_nullable (id int PRIMARY KEY, t0 timestamp NULL, t1 timestamp, t2 timestamp);
CREATE TABLE declared_not_null (id int PRIMARY KEY, ts timestamp NOT NULL);
-- DEFAULT NULL without NULL is ignored: the column is NOT NULL and gets the implicit default
CREATE TABLE default_null (id int PRIMARY KEY, ts timestamp DEFAULT NULL);
CREATE TABLE null_default_null (id int PRIMARY KEY, ts timestamp NULL DEFAULT NULL, t2 timestamp);
-- ON UPDATE on the first column keeps it from CURRENT_TIMESTAMP: the zero timestamp instead
CREATE TABLE on_update_only (id int PRIMARY KEY, ts timestamp ON UPDATE current_timestamp);
CREATE TABLE default_zero_on_update (id int PRIMARY KEY, ts timestamp DEFAULT 0 ON UPDATE current_timestamp);
CREATE TABLE fractions (id int PRIMARY KEY, t3 timestamp(3), t6 timestamp(6));
-- a generated TIMESTAMP stays nullable, and is still the first TIMESTAMP column
CREATE TABLE generated_first (id int PRIMARY KEY, g timestamp AS (t1) VIRTUAL, t1 timestamp);
CREATE TABLE only_datetime (id int PRIMARY KEY, d datetime, d2 datetime NOT NULL);

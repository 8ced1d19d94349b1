CREATE TABLE t (id int unsigned NOT NULL AUTO_INCREMENT PRIMARY KEY, small tinyint, flag tinyint(1), y year, name varchar(10) CHARACTER SET utf8, g geomcollection, ts timestamp NULL DEFAULT CURRENT_TIMESTAMP);
ALTER TABLE t ADD COLUMN z int NOT NULL DEFAULT 0 AFTER id, ALGORITHM=INSTANT;
CREATE TABLE u (id int PRIMARY KEY, v int, INDEX fx ((v + 1)));

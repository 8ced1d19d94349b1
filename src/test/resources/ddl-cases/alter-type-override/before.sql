CREATE TABLE t (id int PRIMARY KEY, active tinyint(1) NOT NULL DEFAULT 1, n int);

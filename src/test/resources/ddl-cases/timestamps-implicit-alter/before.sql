CREATE TABLE added (id int PRIMARY KEY);
CREATE TABLE modified (id int PRIMARY KEY, x varchar(30));
CREATE TABLE made_not_null (id int PRIMARY KEY, ts timestamp NULL);
CREATE TABLE after_nullable (id int PRIMARY KEY, t1 timestamp NULL, t2 timestamp NULL);
CREATE TABLE moved_first (id int PRIMARY KEY, t1 timestamp, t2 timestamp);
CREATE TABLE several_clauses (id int PRIMARY KEY);
CREATE TABLE nullable_first_clause (id int PRIMARY KEY);
CREATE TABLE dropped_first (id int PRIMARY KEY, t1 timestamp, t2 timestamp);

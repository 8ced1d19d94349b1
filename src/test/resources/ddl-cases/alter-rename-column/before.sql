CREATE TABLE t (id int PRIMARY KEY, kind enum('a','b') DEFAULT 'a', ref varchar(10), KEY ref (ref));

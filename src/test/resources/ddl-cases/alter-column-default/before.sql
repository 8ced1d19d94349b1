CREATE TABLE t (id int PRIMARY KEY, qty int DEFAULT 1, at datetime, status enum('on','off'));

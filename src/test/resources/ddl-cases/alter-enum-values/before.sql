CREATE TABLE t (id int PRIMARY KEY, size enum('s','m','l') NOT NULL DEFAULT 's', color enum('red','blue'), word varchar(10), mood enum('ok','ko'));

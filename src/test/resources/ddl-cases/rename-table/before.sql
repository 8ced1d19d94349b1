CREATE TABLE a (id int PRIMARY KEY, kind enum('x','y'));
CREATE TABLE b (id int PRIMARY KEY, amount bigint unsigned NOT NULL AUTO_INCREMENT, UNIQUE KEY (amount));
CREATE TABLE c (id int PRIMARY KEY);
CREATE TABLE d (id int PRIMARY KEY);
CREATE TABLE e (id int PRIMARY KEY);

CREATE TABLE a (id int PRIMARY KEY, kind enum('x','y'));
CREATE TABLE b (id int PRIMARY KEY);
CREATE TABLE c (id int PRIMARY KEY);
CREATE TABLE ignored (id int PRIMARY KEY);

CREATE TABLE tags (id int PRIMARY KEY, kind enum('a','b'), label varchar(10));

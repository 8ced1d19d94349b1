CREATE TABLE loose (name varchar(20));
CREATE TABLE wide (id int PRIMARY KEY);

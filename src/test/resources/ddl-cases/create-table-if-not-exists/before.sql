CREATE TABLE customers (id int PRIMARY KEY, name varchar(20));

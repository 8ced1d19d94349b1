CREATE TABLE IF NOT EXISTS customers (id int PRIMARY KEY, name varchar(99), extra int);
CREATE TABLE IF NOT EXISTS suppliers (id int PRIMARY KEY, name varchar(20));

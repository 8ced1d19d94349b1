CREATE TABLE t (id int PRIMARY KEY, name varchar(20)) DEFAULT CHARSET=latin1;

CREATE TABLE t (id int PRIMARY KEY, a varchar(10), b int, KEY b (b)) DEFAULT CHARSET=latin1;

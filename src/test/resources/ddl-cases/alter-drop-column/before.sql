CREATE TABLE t (
  id int PRIMARY KEY, a int, b int, c int, kind enum('x','y'),
  KEY ab (a, b), KEY a_only (a), UNIQUE KEY bc (b, c)
);

CREATE TABLE t (
  id int NOT NULL PRIMARY KEY,
  qty int,
  label varchar(20) DEFAULT 'none',
  note varchar(30) CHARACTER SET latin1,
  price decimal(6,2) NOT NULL DEFAULT 0.00,
  flag tinyint,
  code char(4),
  KEY qty (qty)
);

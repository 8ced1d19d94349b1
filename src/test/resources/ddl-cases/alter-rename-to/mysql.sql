ALTER TABLE a RENAME TO a_new;
ALTER TABLE b RENAME ddl_sales.b;
ALTER TABLE c ADD COLUMN x int, RENAME AS c_new, ADD INDEX (x);
USE ddl_sales;
ALTER TABLE ddl_shop.c_new RENAME TO c_moved;

RENAME TABLE a TO a2, b TO b2;
RENAME TABLE a2 TO tmp, c TO a2, tmp TO c;
RENAME TABLE d TO ddl_sales.d;
RENAME TABLE e TO ignored;

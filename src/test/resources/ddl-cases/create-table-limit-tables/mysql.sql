CREATE TABLE wanted (id int PRIMARY KEY);
CREATE TABLE unwanted (id int PRIMARY KEY);
CREATE TABLE ddl_sales.any_sales_table (id int PRIMARY KEY);

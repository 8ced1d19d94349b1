-- mysql: CREATE TABLE wanted (id int PRIMARY KEY)
CREATE TABLE "shop"."wanted" (
  "id" integer NOT NULL
);
ALTER TABLE "shop"."wanted" ADD CONSTRAINT "wanted_pkey" PRIMARY KEY ("id");
-- changes: CREATED ddl_shop.wanted, STARTS_REPLICATING ddl_shop.wanted

-- mysql: CREATE TABLE unwanted (id int PRIMARY KEY)
-- skipped: table ddl_shop.unwanted is left out by limit_tables or skip_tables

-- mysql: CREATE TABLE ddl_sales.any_sales_table (id int PRIMARY KEY)
CREATE TABLE "sales"."any_sales_table" (
  "id" integer NOT NULL
);
ALTER TABLE "sales"."any_sales_table" ADD CONSTRAINT "any_sales_table_pkey" PRIMARY KEY ("id");
-- changes: CREATED ddl_sales.any_sales_table, STARTS_REPLICATING ddl_sales.any_sales_table

-- tracked ddl_sales.any_sales_table (InnoDB, latin1, replicated)
--   1 id int int(11) NOT NULL default NONE
--   PRIMARY KEY (id) = any_sales_table_pkey
-- tracked ddl_shop.wanted (InnoDB, utf8mb4, replicated)
--   1 id int int(11) NOT NULL default NONE
--   PRIMARY KEY (id) = wanted_pkey

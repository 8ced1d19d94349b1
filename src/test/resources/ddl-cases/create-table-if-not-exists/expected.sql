-- mysql: CREATE TABLE IF NOT EXISTS customers (id int PRIMARY KEY, name varchar(99), extra int)
-- skipped: table ddl_shop.customers exists already (IF NOT EXISTS)

-- mysql: CREATE TABLE IF NOT EXISTS suppliers (id int PRIMARY KEY, name varchar(20))
CREATE TABLE "shop"."suppliers" (
  "id" integer NOT NULL,
  "name" varchar(20)
);
ALTER TABLE "shop"."suppliers" ADD CONSTRAINT "suppliers_pkey" PRIMARY KEY ("id");
-- changes: CREATED ddl_shop.suppliers, STARTS_REPLICATING ddl_shop.suppliers

-- tracked ddl_shop.customers (InnoDB, utf8mb4, replicated)
--   1 id int int(11) NOT NULL default NONE
--   2 name varchar varchar(20) NULL utf8mb4 default NULL
--   PRIMARY KEY (id) = customers_pkey
-- tracked ddl_shop.suppliers (InnoDB, utf8mb4, replicated)
--   1 id int int(11) NOT NULL default NONE
--   2 name varchar varchar(20) NULL utf8mb4 default NULL
--   PRIMARY KEY (id) = suppliers_pkey

-- mysql: CREATE TABLE ignored (id int PRIMARY KEY)
-- skipped: table ddl_shop.ignored is left out by limit_tables or skip_tables

-- mysql: CREATE TABLE ddl_other.elsewhere (id int PRIMARY KEY)
-- skipped: schema ddl_other is not in schema_mappings

-- mysql: CREATE TABLE invoices (id int PRIMARY KEY, note varchar(10))
CREATE TABLE "sales"."invoices" (
  "id" integer NOT NULL,
  "note" varchar(10)
);
ALTER TABLE "sales"."invoices" ADD CONSTRAINT "invoices_pkey" PRIMARY KEY ("id");
-- changes: CREATED ddl_sales.invoices, STARTS_REPLICATING ddl_sales.invoices

-- mysql: CREATE TABLE ddl_shop.items (id int PRIMARY KEY, note varchar(10))
CREATE TABLE "shop"."items" (
  "id" integer NOT NULL,
  "note" varchar(10)
);
ALTER TABLE "shop"."items" ADD CONSTRAINT "items_pkey" PRIMARY KEY ("id");
-- changes: CREATED ddl_shop.items, STARTS_REPLICATING ddl_shop.items

-- mysql: CREATE TABLE `ddl_shop`.`Mixed Case` (`Id` int PRIMARY KEY, `Note "quoted"` varchar(10))
CREATE TABLE "shop"."Mixed Case" (
  "Id" integer NOT NULL,
  "Note ""quoted""" varchar(10)
);
ALTER TABLE "shop"."Mixed Case" ADD CONSTRAINT "Mixed Case_pkey" PRIMARY KEY ("Id");
-- changes: CREATED ddl_shop.Mixed Case, STARTS_REPLICATING ddl_shop.Mixed Case

-- tracked ddl_sales.invoices (InnoDB, latin1, replicated)
--   1 id int int(11) NOT NULL default NONE
--   2 note varchar varchar(10) NULL latin1 default NULL
--   PRIMARY KEY (id) = invoices_pkey
-- tracked ddl_shop.Mixed Case (InnoDB, utf8mb4, replicated)
--   1 Id int int(11) NOT NULL default NONE
--   2 Note "quoted" varchar varchar(10) NULL utf8mb4 default NULL
--   PRIMARY KEY (Id) = Mixed Case_pkey
-- tracked ddl_shop.items (InnoDB, utf8mb4, replicated)
--   1 id int int(11) NOT NULL default NONE
--   2 note varchar varchar(10) NULL utf8mb4 default NULL
--   PRIMARY KEY (id) = items_pkey

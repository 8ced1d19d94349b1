-- mysql: ALTER TABLE a RENAME TO a_new
ALTER TABLE "shop"."a" RENAME TO "a_new";
ALTER TYPE "shop"."enum_a_kind" RENAME TO "enum_a_new_kind";
-- changes: RENAMED ddl_shop.a -> ddl_shop.a_new

-- mysql: ALTER TABLE b RENAME ddl_sales.b
ALTER TABLE "shop"."b" SET SCHEMA "sales";
-- changes: RENAMED ddl_shop.b -> ddl_sales.b

-- mysql: ALTER TABLE c ADD COLUMN x int, RENAME AS c_new, ADD INDEX (x)
ALTER TABLE "shop"."c" ADD COLUMN "x" integer;
CREATE INDEX "x" ON "shop"."c" ("x");
ALTER TABLE "shop"."c" RENAME TO "c_new";
-- changes: ALTERED ddl_shop.c, RENAMED ddl_shop.c -> ddl_shop.c_new

-- mysql: ALTER TABLE ddl_shop.c_new RENAME TO c_moved
ALTER TABLE "shop"."c_new" SET SCHEMA "sales";
ALTER TABLE "sales"."c_new" RENAME TO "c_moved";
-- changes: RENAMED ddl_shop.c_new -> ddl_sales.c_moved

-- tracked ddl_sales.b (InnoDB, utf8mb4, replicated)
--   1 id int int(11) NOT NULL default NONE
--   PRIMARY KEY (id) = b_pkey
-- tracked ddl_sales.c_moved (InnoDB, utf8mb4, replicated)
--   1 id int int(11) NOT NULL default NONE
--   2 x int int(11) NULL default NULL
--   PRIMARY KEY (id) = c_pkey
--   BTREE x (x) = x
-- tracked ddl_shop.a_new (InnoDB, utf8mb4, replicated)
--   1 id int int(11) NOT NULL default NONE
--   2 kind enum enum('x','y') NULL utf8mb4 default NULL
--   PRIMARY KEY (id) = a_pkey

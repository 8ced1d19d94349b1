-- mysql: RENAME TABLE a TO a2, b TO b2
ALTER TABLE "shop"."a" RENAME TO "a2";
ALTER TYPE "shop"."enum_a_kind" RENAME TO "enum_a2_kind";
ALTER TABLE "shop"."b" RENAME TO "b2";
ALTER SEQUENCE "shop"."b_amount_seq" RENAME TO "b2_amount_seq";
-- changes: RENAMED ddl_shop.a -> ddl_shop.a2, RENAMED ddl_shop.b -> ddl_shop.b2

-- mysql: RENAME TABLE a2 TO tmp, c TO a2, tmp TO c
ALTER TABLE "shop"."a2" RENAME TO "tmp";
ALTER TYPE "shop"."enum_a2_kind" RENAME TO "enum_tmp_kind";
ALTER TABLE "shop"."c" RENAME TO "a2";
ALTER TABLE "shop"."tmp" RENAME TO "c";
ALTER TYPE "shop"."enum_tmp_kind" RENAME TO "enum_c_kind";
-- changes: RENAMED ddl_shop.a2 -> ddl_shop.tmp, RENAMED ddl_shop.c -> ddl_shop.a2, RENAMED ddl_shop.tmp -> ddl_shop.c

-- mysql: RENAME TABLE d TO ddl_sales.d
ALTER TABLE "shop"."d" SET SCHEMA "sales";
-- changes: RENAMED ddl_shop.d -> ddl_sales.d

-- mysql: RENAME TABLE e TO ignored
DROP TABLE IF EXISTS "shop"."e" CASCADE;
-- warning: ddl_shop.e was renamed to ddl_shop.ignored, which is not replicated: it is dropped from PostgreSQL
-- changes: DROPPED ddl_shop.e

-- tracked ddl_sales.d (InnoDB, utf8mb4, replicated)
--   1 id int int(11) NOT NULL default NONE
--   PRIMARY KEY (id) = d_pkey
-- tracked ddl_shop.a2 (InnoDB, utf8mb4, replicated)
--   1 id int int(11) NOT NULL default NONE
--   PRIMARY KEY (id) = c_pkey
-- tracked ddl_shop.b2 (InnoDB, utf8mb4, replicated)
--   1 id int int(11) NOT NULL default NONE
--   2 amount bigint bigint(20) unsigned NOT NULL default NONE auto_increment
--   PRIMARY KEY (id) = b_pkey
--   UNIQUE BTREE amount (amount) = amount
-- tracked ddl_shop.c (InnoDB, utf8mb4, replicated)
--   1 id int int(11) NOT NULL default NONE
--   2 kind enum enum('x','y') NULL utf8mb4 default NULL
--   PRIMARY KEY (id) = a_pkey

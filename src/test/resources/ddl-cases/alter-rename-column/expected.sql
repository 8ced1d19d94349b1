-- mysql: ALTER TABLE t RENAME COLUMN kind TO category
ALTER TABLE "shop"."t" RENAME COLUMN "kind" TO "category";
ALTER TYPE "shop"."enum_t_kind" RENAME TO "enum_t_category";
ALTER TABLE "shop"."t" ALTER COLUMN "category" SET DEFAULT 'a'::"shop"."enum_t_category";
-- changes: ALTERED ddl_shop.t

-- mysql: ALTER TABLE t RENAME COLUMN ref TO reference, RENAME COLUMN id TO pk
ALTER TABLE "shop"."t" RENAME COLUMN "ref" TO "reference";
ALTER TABLE "shop"."t" RENAME COLUMN "id" TO "pk";
-- changes: ALTERED ddl_shop.t

-- tracked ddl_shop.t (InnoDB, utf8mb4, replicated)
--   1 pk int int(11) NOT NULL default NONE
--   2 category enum enum('a','b') NULL utf8mb4 default LITERAL 'a'
--   3 reference varchar varchar(10) NULL utf8mb4 default NULL
--   PRIMARY KEY (pk) = t_pkey
--   BTREE ref (reference) = ref

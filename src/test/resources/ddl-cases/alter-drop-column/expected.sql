-- mysql: ALTER TABLE t DROP COLUMN a
ALTER TABLE "shop"."t" DROP COLUMN "a";
CREATE INDEX "ab" ON "shop"."t" ("b");
-- changes: ALTERED ddl_shop.t

-- mysql: ALTER TABLE t DROP kind
ALTER TABLE "shop"."t" DROP COLUMN "kind";
DROP TYPE IF EXISTS "shop"."enum_t_kind";
-- changes: ALTERED ddl_shop.t

-- mysql: ALTER TABLE t DROP COLUMN IF EXISTS nothing_here

-- mysql: ALTER TABLE t DROP COLUMN c, DROP COLUMN b
ALTER TABLE "shop"."t" DROP COLUMN "c";
CREATE UNIQUE INDEX "bc" ON "shop"."t" ("b");
ALTER TABLE "shop"."t" DROP COLUMN "b";
-- changes: ALTERED ddl_shop.t

-- tracked ddl_shop.t (InnoDB, utf8mb4, replicated)
--   1 id int int(11) NOT NULL default NONE
--   PRIMARY KEY (id) = t_pkey

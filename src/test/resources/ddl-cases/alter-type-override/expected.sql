-- mysql: ALTER TABLE t ADD COLUMN archived tinyint(1) NOT NULL DEFAULT 0
ALTER TABLE "shop"."t" ADD COLUMN "archived" boolean DEFAULT false NOT NULL;
-- changes: ALTERED ddl_shop.t

-- mysql: ALTER TABLE t MODIFY n tinyint(1)
ALTER TABLE "shop"."t" ALTER COLUMN "n" TYPE boolean USING "n" <> 0;
-- changes: ALTERED ddl_shop.t

-- mysql: ALTER TABLE t MODIFY active int NOT NULL DEFAULT 1
ALTER TABLE "shop"."t" ALTER COLUMN "active" DROP DEFAULT;
ALTER TABLE "shop"."t" ALTER COLUMN "active" TYPE integer USING "active"::integer;
ALTER TABLE "shop"."t" ALTER COLUMN "active" SET DEFAULT '1'::integer;
-- changes: ALTERED ddl_shop.t

-- tracked ddl_shop.t (InnoDB, utf8mb4, replicated)
--   1 id int int(11) NOT NULL default NONE
--   2 active int int(11) NOT NULL default LITERAL '1'
--   3 n tinyint tinyint(1) NULL default NULL
--   4 archived tinyint tinyint(1) NOT NULL default LITERAL '0'
--   PRIMARY KEY (id) = t_pkey

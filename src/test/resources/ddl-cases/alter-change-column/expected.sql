-- mysql: ALTER TABLE t CHANGE qty quantity bigint NOT NULL
ALTER TABLE "shop"."t" RENAME COLUMN "qty" TO "quantity";
ALTER TABLE "shop"."t" ALTER COLUMN "quantity" TYPE bigint USING "quantity"::bigint;
UPDATE "shop"."t" SET "quantity" = '0'::bigint WHERE "quantity" IS NULL;
ALTER TABLE "shop"."t" ALTER COLUMN "quantity" SET NOT NULL;
-- changes: ALTERED ddl_shop.t

-- mysql: ALTER TABLE t MODIFY label varchar(50) DEFAULT 'empty'
ALTER TABLE "shop"."t" ALTER COLUMN "label" DROP DEFAULT;
ALTER TABLE "shop"."t" ALTER COLUMN "label" TYPE varchar(50) USING "label"::varchar(50);
ALTER TABLE "shop"."t" ALTER COLUMN "label" SET DEFAULT 'empty';
-- changes: ALTERED ddl_shop.t

-- mysql: ALTER TABLE t MODIFY COLUMN note text CHARACTER SET utf8mb4
ALTER TABLE "shop"."t" ALTER COLUMN "note" TYPE text USING "note"::text;
-- changes: ALTERED ddl_shop.t

-- mysql: ALTER TABLE t MODIFY price decimal(8,3) NULL
ALTER TABLE "shop"."t" ALTER COLUMN "price" DROP DEFAULT;
ALTER TABLE "shop"."t" ALTER COLUMN "price" TYPE numeric(8,3) USING "price"::numeric(8,3);
ALTER TABLE "shop"."t" ALTER COLUMN "price" DROP NOT NULL;
-- changes: ALTERED ddl_shop.t

-- mysql: ALTER TABLE t CHANGE COLUMN flag flag int DEFAULT 0 FIRST
ALTER TABLE "shop"."t" ALTER COLUMN "flag" TYPE integer USING "flag"::integer;
ALTER TABLE "shop"."t" ALTER COLUMN "flag" SET DEFAULT '0'::integer;
-- changes: ALTERED ddl_shop.t

-- mysql: ALTER TABLE t MODIFY code varchar(4) AFTER id
-- changes: ALTERED ddl_shop.t

-- mysql: ALTER TABLE t MODIFY COLUMN IF EXISTS missing int

-- mysql: ALTER TABLE t MODIFY label varchar(50) DEFAULT 'empty'

-- tracked ddl_shop.t (InnoDB, utf8mb4, replicated)
--   1 flag int int(11) NULL default LITERAL '0'
--   2 id int int(11) NOT NULL default NONE
--   3 code varchar varchar(4) NULL utf8mb4 default NULL
--   4 quantity bigint bigint(20) NOT NULL default NONE
--   5 label varchar varchar(50) NULL utf8mb4 default LITERAL 'empty'
--   6 note text text NULL utf8mb4 default NULL
--   7 price decimal decimal(8,3) NULL default NULL
--   PRIMARY KEY (id) = t_pkey
--   BTREE qty (quantity) = qty

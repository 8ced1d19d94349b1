-- mysql: ALTER TABLE t ALTER COLUMN qty SET DEFAULT -5
ALTER TABLE "shop"."t" ALTER COLUMN "qty" SET DEFAULT '-5'::integer;
-- changes: ALTERED ddl_shop.t

-- mysql: ALTER TABLE t ALTER qty DROP DEFAULT
ALTER TABLE "shop"."t" ALTER COLUMN "qty" DROP DEFAULT;
-- changes: ALTERED ddl_shop.t

-- mysql: ALTER TABLE t ALTER COLUMN at SET DEFAULT '2021-02-03'
ALTER TABLE "shop"."t" ALTER COLUMN "at" SET DEFAULT '2021-02-03 00:00:00'::timestamp(0) without time zone;
-- changes: ALTERED ddl_shop.t

-- mysql: ALTER TABLE t ALTER COLUMN status SET DEFAULT 'off', ALTER COLUMN qty SET DEFAULT 0
ALTER TABLE "shop"."t" ALTER COLUMN "status" SET DEFAULT 'off'::"shop"."enum_t_status";
ALTER TABLE "shop"."t" ALTER COLUMN "qty" SET DEFAULT '0'::integer;
-- changes: ALTERED ddl_shop.t

-- tracked ddl_shop.t (InnoDB, utf8mb4, replicated)
--   1 id int int(11) NOT NULL default NONE
--   2 qty int int(11) NULL default LITERAL '0'
--   3 at datetime datetime NULL default LITERAL '2021-02-03 00:00:00'
--   4 status enum enum('on','off') NULL utf8mb4 default LITERAL 'off'
--   PRIMARY KEY (id) = t_pkey

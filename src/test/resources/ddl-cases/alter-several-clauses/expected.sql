-- mysql: ALTER TABLE t ADD COLUMN c int DEFAULT -1, ALGORITHM=INPLACE
ALTER TABLE "shop"."t" ADD COLUMN "c" integer DEFAULT '-1'::integer;
-- changes: ALTERED ddl_shop.t

-- mysql: ALTER TABLE t ADD COLUMN d date, LOCK=NONE, ALGORITHM=COPY
ALTER TABLE "shop"."t" ADD COLUMN "d" date;
-- changes: ALTERED ddl_shop.t

-- mysql: ALTER TABLE t ENGINE=MyISAM
-- changes: ALTERED ddl_shop.t

-- mysql: ALTER TABLE t DROP INDEX b, ADD INDEX b (b, c), MODIFY a varchar(20) NOT NULL, ADD COLUMN e int AFTER a, FORCE
DROP INDEX "shop"."b";
CREATE INDEX "b" ON "shop"."t" ("b", "c");
ALTER TABLE "shop"."t" ALTER COLUMN "a" TYPE varchar(20) USING "a"::varchar(20);
UPDATE "shop"."t" SET "a" = '' WHERE "a" IS NULL;
ALTER TABLE "shop"."t" ALTER COLUMN "a" SET NOT NULL;
ALTER TABLE "shop"."t" ADD COLUMN "e" integer;
-- changes: ALTERED ddl_shop.t

-- mysql: ALTER TABLE t CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci
-- changes: ALTERED ddl_shop.t

-- mysql: ALTER TABLE t DEFAULT CHARSET=latin1, ADD COLUMN f varchar(5)
ALTER TABLE "shop"."t" ADD COLUMN "f" varchar(5);
-- changes: ALTERED ddl_shop.t

-- mysql: ALTER TABLE t COMMENT 'nothing for PostgreSQL', ROW_FORMAT=DYNAMIC

-- tracked ddl_shop.t (MyISAM, latin1, replicated)
--   1 id int int(11) NOT NULL default NONE
--   2 a varchar varchar(20) NOT NULL utf8mb4 default NONE
--   3 e int int(11) NULL default NULL
--   4 b int int(11) NULL default NULL
--   5 c int int(11) NULL default LITERAL '-1'
--   6 d date date NULL default NULL
--   7 f varchar varchar(5) NULL latin1 default NULL
--   PRIMARY KEY (id) = t_pkey
--   BTREE b (b, c) = b

-- mysql: ALTER TABLE t ADD COLUMN first_col int FIRST
ALTER TABLE "shop"."t" ADD COLUMN "first_col" integer;
-- changes: ALTERED ddl_shop.t

-- mysql: ALTER TABLE t ADD COLUMN after_id varchar(10) AFTER id
ALTER TABLE "shop"."t" ADD COLUMN "after_id" varchar(10);
-- changes: ALTERED ddl_shop.t

-- mysql: ALTER TABLE t ADD last_col date
ALTER TABLE "shop"."t" ADD COLUMN "last_col" date;
-- changes: ALTERED ddl_shop.t

-- mysql: ALTER TABLE t ADD COLUMN must int NOT NULL
ALTER TABLE "shop"."t" ADD COLUMN "must" integer DEFAULT '0'::integer NOT NULL;
ALTER TABLE "shop"."t" ALTER COLUMN "must" DROP DEFAULT;
-- changes: ALTERED ddl_shop.t

-- mysql: ALTER TABLE t ADD COLUMN must_text varchar(5) NOT NULL, ADD COLUMN must_enum enum('p','q') NOT NULL
ALTER TABLE "shop"."t" ADD COLUMN "must_text" varchar(5) DEFAULT '' NOT NULL;
ALTER TABLE "shop"."t" ALTER COLUMN "must_text" DROP DEFAULT;
CREATE TYPE "shop"."enum_t_must_enum" AS ENUM ('', 'p', 'q');
ALTER TABLE "shop"."t" ADD COLUMN "must_enum" "shop"."enum_t_must_enum" DEFAULT 'p'::"shop"."enum_t_must_enum" NOT NULL;
ALTER TABLE "shop"."t" ALTER COLUMN "must_enum" DROP DEFAULT;
-- changes: ALTERED ddl_shop.t

-- mysql: ALTER TABLE t ADD COLUMN with_default int NOT NULL DEFAULT -1
ALTER TABLE "shop"."t" ADD COLUMN "with_default" integer DEFAULT '-1'::integer NOT NULL;
-- changes: ALTERED ddl_shop.t

-- mysql: ALTER TABLE t ADD COLUMN IF NOT EXISTS name varchar(99)

-- mysql: ALTER TABLE t ADD COLUMN IF NOT EXISTS maybe int
ALTER TABLE "shop"."t" ADD COLUMN "maybe" integer;
-- changes: ALTERED ddl_shop.t

-- mysql: ALTER TABLE t ADD (p1 int, p2 varchar(3) CHARACTER SET utf8mb4)
ALTER TABLE "shop"."t" ADD COLUMN "p1" integer;
ALTER TABLE "shop"."t" ADD COLUMN "p2" varchar(3);
-- changes: ALTERED ddl_shop.t

-- mysql: ALTER TABLE t ADD COLUMN day date NOT NULL
ALTER TABLE "shop"."t" ADD COLUMN "day" date NOT NULL;
-- warning: ddl_shop.t.day is a new NOT NULL column without a default: MySQL gives the rows already in the table a value PostgreSQL cannot store here, so PostgreSQL refuses the change if the table has rows (then on_error_replay decides)
-- changes: ALTERED ddl_shop.t

-- tracked ddl_shop.t (InnoDB, latin1, replicated)
--   1 first_col int int(11) NULL default NULL
--   2 id int int(11) NOT NULL default NONE
--   3 after_id varchar varchar(10) NULL latin1 default NULL
--   4 name varchar varchar(20) NULL latin1 default NULL
--   5 last_col date date NULL default NULL
--   6 must int int(11) NOT NULL default NONE
--   7 must_text varchar varchar(5) NOT NULL latin1 default NONE
--   8 must_enum enum enum('p','q') NOT NULL latin1 default NONE
--   9 with_default int int(11) NOT NULL default LITERAL '-1'
--   10 maybe int int(11) NULL default NULL
--   11 p1 int int(11) NULL default NULL
--   12 p2 varchar varchar(3) NULL utf8mb4 default NULL
--   13 day date date NOT NULL default NONE
--   PRIMARY KEY (id) = t_pkey

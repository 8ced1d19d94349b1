-- mysql: CREATE TABLE several (id int PRIMARY KEY, t1 timestamp, t2 timestamp, t3 timestamp NULL, t4 timestamp DEFAULT '2020-01-01 00:00:00', d datetime)
CREATE TABLE "shop"."several" (
  "id" integer NOT NULL,
  "t1" timestamp(0) with time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
  "t2" timestamp(0) with time zone NOT NULL,
  "t3" timestamp(0) with time zone,
  "t4" timestamp(0) with time zone DEFAULT '2020-01-01 00:00:00+00'::timestamp(0) with time zone NOT NULL,
  "d" timestamp(0) without time zone
);
ALTER TABLE "shop"."several" ADD CONSTRAINT "several_pkey" PRIMARY KEY ("id");
-- warning: ddl_shop.several.t2: DEFAULT 0000-00-00 00:00:00 is a date PostgreSQL cannot store (zero_dates: null); the PostgreSQL column has no default (rows replicated from MySQL carry their own values)
-- changes: CREATED ddl_shop.several, STARTS_REPLICATING ddl_shop.several

-- mysql: CREATE TABLE first_nullable (id int PRIMARY KEY, t0 timestamp NULL, t1 timestamp, t2 timestamp)
CREATE TABLE "shop"."first_nullable" (
  "id" integer NOT NULL,
  "t0" timestamp(0) with time zone,
  "t1" timestamp(0) with time zone NOT NULL,
  "t2" timestamp(0) with time zone NOT NULL
);
ALTER TABLE "shop"."first_nullable" ADD CONSTRAINT "first_nullable_pkey" PRIMARY KEY ("id");
-- warning: ddl_shop.first_nullable.t1: DEFAULT 0000-00-00 00:00:00 is a date PostgreSQL cannot store (zero_dates: null); the PostgreSQL column has no default (rows replicated from MySQL carry their own values)
-- warning: ddl_shop.first_nullable.t2: DEFAULT 0000-00-00 00:00:00 is a date PostgreSQL cannot store (zero_dates: null); the PostgreSQL column has no default (rows replicated from MySQL carry their own values)
-- changes: CREATED ddl_shop.first_nullable, STARTS_REPLICATING ddl_shop.first_nullable

-- mysql: CREATE TABLE declared_not_null (id int PRIMARY KEY, ts timestamp NOT NULL)
CREATE TABLE "shop"."declared_not_null" (
  "id" integer NOT NULL,
  "ts" timestamp(0) with time zone DEFAULT CURRENT_TIMESTAMP NOT NULL
);
ALTER TABLE "shop"."declared_not_null" ADD CONSTRAINT "declared_not_null_pkey" PRIMARY KEY ("id");
-- changes: CREATED ddl_shop.declared_not_null, STARTS_REPLICATING ddl_shop.declared_not_null

-- mysql: CREATE TABLE default_null (id int PRIMARY KEY, ts timestamp DEFAULT NULL)
CREATE TABLE "shop"."default_null" (
  "id" integer NOT NULL,
  "ts" timestamp(0) with time zone DEFAULT CURRENT_TIMESTAMP NOT NULL
);
ALTER TABLE "shop"."default_null" ADD CONSTRAINT "default_null_pkey" PRIMARY KEY ("id");
-- changes: CREATED ddl_shop.default_null, STARTS_REPLICATING ddl_shop.default_null

-- mysql: CREATE TABLE null_default_null (id int PRIMARY KEY, ts timestamp NULL DEFAULT NULL, t2 timestamp)
CREATE TABLE "shop"."null_default_null" (
  "id" integer NOT NULL,
  "ts" timestamp(0) with time zone,
  "t2" timestamp(0) with time zone NOT NULL
);
ALTER TABLE "shop"."null_default_null" ADD CONSTRAINT "null_default_null_pkey" PRIMARY KEY ("id");
-- warning: ddl_shop.null_default_null.t2: DEFAULT 0000-00-00 00:00:00 is a date PostgreSQL cannot store (zero_dates: null); the PostgreSQL column has no default (rows replicated from MySQL carry their own values)
-- changes: CREATED ddl_shop.null_default_null, STARTS_REPLICATING ddl_shop.null_default_null

-- mysql: CREATE TABLE on_update_only (id int PRIMARY KEY, ts timestamp ON UPDATE current_timestamp)
CREATE TABLE "shop"."on_update_only" (
  "id" integer NOT NULL,
  "ts" timestamp(0) with time zone NOT NULL
);
ALTER TABLE "shop"."on_update_only" ADD CONSTRAINT "on_update_only_pkey" PRIMARY KEY ("id");
-- warning: ddl_shop.on_update_only.ts: DEFAULT 0000-00-00 00:00:00 is a date PostgreSQL cannot store (zero_dates: null); the PostgreSQL column has no default (rows replicated from MySQL carry their own values)
-- changes: CREATED ddl_shop.on_update_only, STARTS_REPLICATING ddl_shop.on_update_only

-- mysql: CREATE TABLE default_zero_on_update (id int PRIMARY KEY, ts timestamp DEFAULT 0 ON UPDATE current_timestamp)
CREATE TABLE "shop"."default_zero_on_update" (
  "id" integer NOT NULL,
  "ts" timestamp(0) with time zone NOT NULL
);
ALTER TABLE "shop"."default_zero_on_update" ADD CONSTRAINT "default_zero_on_update_pkey" PRIMARY KEY ("id");
-- warning: ddl_shop.default_zero_on_update.ts: DEFAULT 0000-00-00 00:00:00 is a date PostgreSQL cannot store (zero_dates: null); the PostgreSQL column has no default (rows replicated from MySQL carry their own values)
-- changes: CREATED ddl_shop.default_zero_on_update, STARTS_REPLICATING ddl_shop.default_zero_on_update

-- mysql: CREATE TABLE fractions (id int PRIMARY KEY, t3 timestamp(3), t6 timestamp(6))
CREATE TABLE "shop"."fractions" (
  "id" integer NOT NULL,
  "t3" timestamp(3) with time zone DEFAULT CURRENT_TIMESTAMP NOT NULL,
  "t6" timestamp(6) with time zone NOT NULL
);
ALTER TABLE "shop"."fractions" ADD CONSTRAINT "fractions_pkey" PRIMARY KEY ("id");
-- warning: ddl_shop.fractions.t6: DEFAULT 0000-00-00 00:00:00.000000 is a date PostgreSQL cannot store (zero_dates: null); the PostgreSQL column has no default (rows replicated from MySQL carry their own values)
-- changes: CREATED ddl_shop.fractions, STARTS_REPLICATING ddl_shop.fractions

-- mysql: CREATE TABLE generated_first (id int PRIMARY KEY, g timestamp AS (t1) VIRTUAL, t1 timestamp)
CREATE TABLE "shop"."generated_first" (
  "id" integer NOT NULL,
  "g" timestamp(0) with time zone,
  "t1" timestamp(0) with time zone NOT NULL
);
ALTER TABLE "shop"."generated_first" ADD CONSTRAINT "generated_first_pkey" PRIMARY KEY ("id");
-- warning: ddl_shop.generated_first.t1: DEFAULT 0000-00-00 00:00:00 is a date PostgreSQL cannot store (zero_dates: null); the PostgreSQL column has no default (rows replicated from MySQL carry their own values)
-- changes: CREATED ddl_shop.generated_first, STARTS_REPLICATING ddl_shop.generated_first

-- mysql: CREATE TABLE only_datetime (id int PRIMARY KEY, d datetime, d2 datetime NOT NULL)
CREATE TABLE "shop"."only_datetime" (
  "id" integer NOT NULL,
  "d" timestamp(0) without time zone,
  "d2" timestamp(0) without time zone NOT NULL
);
ALTER TABLE "shop"."only_datetime" ADD CONSTRAINT "only_datetime_pkey" PRIMARY KEY ("id");
-- changes: CREATED ddl_shop.only_datetime, STARTS_REPLICATING ddl_shop.only_datetime

-- tracked ddl_shop.declared_not_null (InnoDB, utf8mb4, replicated)
--   1 id int int(11) NOT NULL default NONE
--   2 ts timestamp timestamp NOT NULL default EXPRESSION 'current_timestamp()'
--   PRIMARY KEY (id) = declared_not_null_pkey
-- tracked ddl_shop.default_null (InnoDB, utf8mb4, replicated)
--   1 id int int(11) NOT NULL default NONE
--   2 ts timestamp timestamp NOT NULL default EXPRESSION 'current_timestamp()'
--   PRIMARY KEY (id) = default_null_pkey
-- tracked ddl_shop.default_zero_on_update (InnoDB, utf8mb4, replicated)
--   1 id int int(11) NOT NULL default NONE
--   2 ts timestamp timestamp NOT NULL default LITERAL '0000-00-00 00:00:00'
--   PRIMARY KEY (id) = default_zero_on_update_pkey
-- tracked ddl_shop.first_nullable (InnoDB, utf8mb4, replicated)
--   1 id int int(11) NOT NULL default NONE
--   2 t0 timestamp timestamp NULL default NULL
--   3 t1 timestamp timestamp NOT NULL default LITERAL '0000-00-00 00:00:00'
--   4 t2 timestamp timestamp NOT NULL default LITERAL '0000-00-00 00:00:00'
--   PRIMARY KEY (id) = first_nullable_pkey
-- tracked ddl_shop.fractions (InnoDB, utf8mb4, replicated)
--   1 id int int(11) NOT NULL default NONE
--   2 t3 timestamp timestamp(3) NOT NULL default EXPRESSION 'current_timestamp(3)'
--   3 t6 timestamp timestamp(6) NOT NULL default LITERAL '0000-00-00 00:00:00.000000'
--   PRIMARY KEY (id) = fractions_pkey
-- tracked ddl_shop.generated_first (InnoDB, utf8mb4, replicated)
--   1 id int int(11) NOT NULL default NONE
--   2 g timestamp timestamp NULL default NULL generated
--   3 t1 timestamp timestamp NOT NULL default LITERAL '0000-00-00 00:00:00'
--   PRIMARY KEY (id) = generated_first_pkey
-- tracked ddl_shop.null_default_null (InnoDB, utf8mb4, replicated)
--   1 id int int(11) NOT NULL default NONE
--   2 ts timestamp timestamp NULL default NULL
--   3 t2 timestamp timestamp NOT NULL default LITERAL '0000-00-00 00:00:00'
--   PRIMARY KEY (id) = null_default_null_pkey
-- tracked ddl_shop.on_update_only (InnoDB, utf8mb4, replicated)
--   1 id int int(11) NOT NULL default NONE
--   2 ts timestamp timestamp NOT NULL default LITERAL '0000-00-00 00:00:00'
--   PRIMARY KEY (id) = on_update_only_pkey
-- tracked ddl_shop.only_datetime (InnoDB, utf8mb4, replicated)
--   1 id int int(11) NOT NULL default NONE
--   2 d datetime datetime NULL default NULL
--   3 d2 datetime datetime NOT NULL default NONE
--   PRIMARY KEY (id) = only_datetime_pkey
-- tracked ddl_shop.several (InnoDB, utf8mb4, replicated)
--   1 id int int(11) NOT NULL default NONE
--   2 t1 timestamp timestamp NOT NULL default EXPRESSION 'current_timestamp()'
--   3 t2 timestamp timestamp NOT NULL default LITERAL '0000-00-00 00:00:00'
--   4 t3 timestamp timestamp NULL default NULL
--   5 t4 timestamp timestamp NOT NULL default LITERAL '2020-01-01 00:00:00'
--   6 d datetime datetime NULL default NULL
--   PRIMARY KEY (id) = several_pkey

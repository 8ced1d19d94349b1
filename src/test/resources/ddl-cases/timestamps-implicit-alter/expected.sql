-- mysql: ALTER TABLE added ADD COLUMN t1 timestamp
ALTER TABLE "shop"."added" ADD COLUMN "t1" timestamp(0) with time zone DEFAULT CURRENT_TIMESTAMP NOT NULL;
-- changes: ALTERED ddl_shop.added

-- mysql: ALTER TABLE added ADD COLUMN t2 timestamp FIRST
ALTER TABLE "shop"."added" ADD COLUMN "t2" timestamp(0) with time zone DEFAULT CURRENT_TIMESTAMP NOT NULL;
-- changes: ALTERED ddl_shop.added

-- mysql: ALTER TABLE added ADD COLUMN t3 timestamp
ALTER TABLE "shop"."added" ADD COLUMN "t3" timestamp(0) with time zone NOT NULL;
-- warning: ddl_shop.added.t3: DEFAULT 0000-00-00 00:00:00 is a date PostgreSQL cannot store (zero_dates: null); the PostgreSQL column has no default (rows replicated from MySQL carry their own values)
-- warning: ddl_shop.added.t3 is a new NOT NULL column without a default: MySQL gives the rows already in the table a value PostgreSQL cannot store here, so PostgreSQL refuses the change if the table has rows (then on_error_replay decides)
-- changes: ALTERED ddl_shop.added

-- mysql: ALTER TABLE modified MODIFY x timestamp
ALTER TABLE "shop"."modified" ALTER COLUMN "x" TYPE timestamp(0) with time zone USING "x"::timestamp(0) with time zone;
ALTER TABLE "shop"."modified" ALTER COLUMN "x" SET NOT NULL;
ALTER TABLE "shop"."modified" ALTER COLUMN "x" SET DEFAULT CURRENT_TIMESTAMP;
-- changes: ALTERED ddl_shop.modified

-- mysql: ALTER TABLE made_not_null MODIFY ts timestamp
ALTER TABLE "shop"."made_not_null" ALTER COLUMN "ts" SET NOT NULL;
ALTER TABLE "shop"."made_not_null" ALTER COLUMN "ts" SET DEFAULT CURRENT_TIMESTAMP;
-- changes: ALTERED ddl_shop.made_not_null

-- mysql: ALTER TABLE after_nullable MODIFY t2 timestamp
ALTER TABLE "shop"."after_nullable" ALTER COLUMN "t2" SET NOT NULL;
-- warning: ddl_shop.after_nullable.t2: DEFAULT 0000-00-00 00:00:00 is a date PostgreSQL cannot store (zero_dates: null); the PostgreSQL column has no default (rows replicated from MySQL carry their own values)
-- changes: ALTERED ddl_shop.after_nullable

-- mysql: ALTER TABLE after_nullable MODIFY t1 timestamp
ALTER TABLE "shop"."after_nullable" ALTER COLUMN "t1" SET NOT NULL;
ALTER TABLE "shop"."after_nullable" ALTER COLUMN "t1" SET DEFAULT CURRENT_TIMESTAMP;
-- changes: ALTERED ddl_shop.after_nullable

-- mysql: ALTER TABLE moved_first CHANGE t2 t2 timestamp FIRST
ALTER TABLE "shop"."moved_first" ALTER COLUMN "t2" SET DEFAULT CURRENT_TIMESTAMP;
-- changes: ALTERED ddl_shop.moved_first

-- mysql: ALTER TABLE moved_first ADD COLUMN t3 timestamp FIRST
ALTER TABLE "shop"."moved_first" ADD COLUMN "t3" timestamp(0) with time zone DEFAULT CURRENT_TIMESTAMP NOT NULL;
-- changes: ALTERED ddl_shop.moved_first

-- mysql: ALTER TABLE several_clauses ADD COLUMN t5 timestamp, ADD COLUMN t0 timestamp FIRST, ADD COLUMN t6 timestamp(2) DEFAULT NULL
ALTER TABLE "shop"."several_clauses" ADD COLUMN "t5" timestamp(0) with time zone NOT NULL;
ALTER TABLE "shop"."several_clauses" ADD COLUMN "t0" timestamp(0) with time zone DEFAULT CURRENT_TIMESTAMP NOT NULL;
ALTER TABLE "shop"."several_clauses" ADD COLUMN "t6" timestamp(2) with time zone NOT NULL;
-- warning: ddl_shop.several_clauses.t5: DEFAULT 0000-00-00 00:00:00 is a date PostgreSQL cannot store (zero_dates: null); the PostgreSQL column has no default (rows replicated from MySQL carry their own values)
-- warning: ddl_shop.several_clauses.t5 is a new NOT NULL column without a default: MySQL gives the rows already in the table a value PostgreSQL cannot store here, so PostgreSQL refuses the change if the table has rows (then on_error_replay decides)
-- warning: ddl_shop.several_clauses.t6: DEFAULT 0000-00-00 00:00:00.00 is a date PostgreSQL cannot store (zero_dates: null); the PostgreSQL column has no default (rows replicated from MySQL carry their own values)
-- warning: ddl_shop.several_clauses.t6 is a new NOT NULL column without a default: MySQL gives the rows already in the table a value PostgreSQL cannot store here, so PostgreSQL refuses the change if the table has rows (then on_error_replay decides)
-- changes: ALTERED ddl_shop.several_clauses

-- mysql: ALTER TABLE nullable_first_clause ADD COLUMN t5 timestamp, ADD COLUMN t0 timestamp NULL FIRST
ALTER TABLE "shop"."nullable_first_clause" ADD COLUMN "t5" timestamp(0) with time zone NOT NULL;
ALTER TABLE "shop"."nullable_first_clause" ADD COLUMN "t0" timestamp(0) with time zone;
-- warning: ddl_shop.nullable_first_clause.t5: DEFAULT 0000-00-00 00:00:00 is a date PostgreSQL cannot store (zero_dates: null); the PostgreSQL column has no default (rows replicated from MySQL carry their own values)
-- warning: ddl_shop.nullable_first_clause.t5 is a new NOT NULL column without a default: MySQL gives the rows already in the table a value PostgreSQL cannot store here, so PostgreSQL refuses the change if the table has rows (then on_error_replay decides)
-- changes: ALTERED ddl_shop.nullable_first_clause

-- mysql: ALTER TABLE dropped_first DROP COLUMN t1, ADD COLUMN t3 timestamp AFTER id
ALTER TABLE "shop"."dropped_first" DROP COLUMN "t1";
ALTER TABLE "shop"."dropped_first" ADD COLUMN "t3" timestamp(0) with time zone DEFAULT CURRENT_TIMESTAMP NOT NULL;
-- changes: ALTERED ddl_shop.dropped_first

-- tracked ddl_shop.added (InnoDB, utf8mb4, replicated)
--   1 t2 timestamp timestamp NOT NULL default EXPRESSION 'current_timestamp()'
--   2 id int int(11) NOT NULL default NONE
--   3 t1 timestamp timestamp NOT NULL default EXPRESSION 'current_timestamp()'
--   4 t3 timestamp timestamp NOT NULL default LITERAL '0000-00-00 00:00:00'
--   PRIMARY KEY (id) = added_pkey
-- tracked ddl_shop.after_nullable (InnoDB, utf8mb4, replicated)
--   1 id int int(11) NOT NULL default NONE
--   2 t1 timestamp timestamp NOT NULL default EXPRESSION 'current_timestamp()'
--   3 t2 timestamp timestamp NOT NULL default LITERAL '0000-00-00 00:00:00'
--   PRIMARY KEY (id) = after_nullable_pkey
-- tracked ddl_shop.dropped_first (InnoDB, utf8mb4, replicated)
--   1 id int int(11) NOT NULL default NONE
--   2 t3 timestamp timestamp NOT NULL default EXPRESSION 'current_timestamp()'
--   3 t2 timestamp timestamp NOT NULL default LITERAL '0000-00-00 00:00:00'
--   PRIMARY KEY (id) = dropped_first_pkey
-- tracked ddl_shop.made_not_null (InnoDB, utf8mb4, replicated)
--   1 id int int(11) NOT NULL default NONE
--   2 ts timestamp timestamp NOT NULL default EXPRESSION 'current_timestamp()'
--   PRIMARY KEY (id) = made_not_null_pkey
-- tracked ddl_shop.modified (InnoDB, utf8mb4, replicated)
--   1 id int int(11) NOT NULL default NONE
--   2 x timestamp timestamp NOT NULL default EXPRESSION 'current_timestamp()'
--   PRIMARY KEY (id) = modified_pkey
-- tracked ddl_shop.moved_first (InnoDB, utf8mb4, replicated)
--   1 t3 timestamp timestamp NOT NULL default EXPRESSION 'current_timestamp()'
--   2 t2 timestamp timestamp NOT NULL default EXPRESSION 'current_timestamp()'
--   3 id int int(11) NOT NULL default NONE
--   4 t1 timestamp timestamp NOT NULL default EXPRESSION 'current_timestamp()'
--   PRIMARY KEY (id) = moved_first_pkey
-- tracked ddl_shop.nullable_first_clause (InnoDB, utf8mb4, replicated)
--   1 t0 timestamp timestamp NULL default NULL
--   2 id int int(11) NOT NULL default NONE
--   3 t5 timestamp timestamp NOT NULL default LITERAL '0000-00-00 00:00:00'
--   PRIMARY KEY (id) = nullable_first_clause_pkey
-- tracked ddl_shop.several_clauses (InnoDB, utf8mb4, replicated)
--   1 t0 timestamp timestamp NOT NULL default EXPRESSION 'current_timestamp()'
--   2 id int int(11) NOT NULL default NONE
--   3 t5 timestamp timestamp NOT NULL default LITERAL '0000-00-00 00:00:00'
--   4 t6 timestamp timestamp(2) NOT NULL default LITERAL '0000-00-00 00:00:00.00'
--   PRIMARY KEY (id) = several_clauses_pkey

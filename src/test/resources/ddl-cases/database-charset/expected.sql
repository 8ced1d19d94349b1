-- mysql: ALTER DATABASE ddl_shop CHARACTER SET latin1

-- mysql: CREATE TABLE t (id int PRIMARY KEY, name varchar(10))
CREATE TABLE "shop"."t" (
  "id" integer NOT NULL,
  "name" varchar(10)
);
ALTER TABLE "shop"."t" ADD CONSTRAINT "t_pkey" PRIMARY KEY ("id");
-- changes: CREATED ddl_shop.t, STARTS_REPLICATING ddl_shop.t

-- mysql: ALTER DATABASE ddl_other CHARACTER SET latin1
-- skipped: schema ddl_other is not in schema_mappings

-- mysql: ALTER DATABASE CHARACTER SET utf8mb4

-- mysql: CREATE TABLE u (id int PRIMARY KEY, name varchar(10))
CREATE TABLE "shop"."u" (
  "id" integer NOT NULL,
  "name" varchar(10)
);
ALTER TABLE "shop"."u" ADD CONSTRAINT "u_pkey" PRIMARY KEY ("id");
-- changes: CREATED ddl_shop.u, STARTS_REPLICATING ddl_shop.u

-- tracked ddl_shop.t (InnoDB, latin1, replicated)
--   1 id int int(11) NOT NULL default NONE
--   2 name varchar varchar(10) NULL latin1 default NULL
--   PRIMARY KEY (id) = t_pkey
-- tracked ddl_shop.u (InnoDB, utf8mb4, replicated)
--   1 id int int(11) NOT NULL default NONE
--   2 name varchar varchar(10) NULL utf8mb4 default NULL
--   PRIMARY KEY (id) = u_pkey

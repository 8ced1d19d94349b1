-- mysql: TRUNCATE TABLE t
TRUNCATE TABLE "shop"."t" RESTART IDENTITY;
-- changes: TRUNCATED ddl_shop.t

-- mysql: TRUNCATE ddl_shop.t
TRUNCATE TABLE "shop"."t" RESTART IDENTITY;
-- changes: TRUNCATED ddl_shop.t

-- tracked ddl_shop.t (InnoDB, utf8mb4, replicated)
--   1 id int int(11) NOT NULL default NONE auto_increment
--   PRIMARY KEY (id) = t_pkey

-- mysql: CREATE TABLE log_lines (at datetime, line text)
CREATE TABLE "shop"."log_lines" (
  "at" timestamp(0) without time zone,
  "line" text
);
-- warning: ddl_shop.log_lines has no primary key or unique NOT NULL key: it is created in PostgreSQL, but its rows are not replicated until it has one
-- changes: CREATED ddl_shop.log_lines

-- mysql: CREATE TABLE by_unique (code varchar(10) NOT NULL, label text, UNIQUE KEY code (code))
CREATE TABLE "shop"."by_unique" (
  "code" varchar(10) NOT NULL,
  "label" text
);
CREATE UNIQUE INDEX "code" ON "shop"."by_unique" ("code");
-- changes: CREATED ddl_shop.by_unique, STARTS_REPLICATING ddl_shop.by_unique

-- mysql: CREATE TABLE nullable_unique (code varchar(10), UNIQUE KEY code (code))
CREATE TABLE "shop"."nullable_unique" (
  "code" varchar(10)
);
CREATE UNIQUE INDEX "nullable_unique_code" ON "shop"."nullable_unique" ("code");
-- warning: ddl_shop.nullable_unique has no primary key or unique NOT NULL key: it is created in PostgreSQL, but its rows are not replicated until it has one
-- changes: CREATED ddl_shop.nullable_unique

-- tracked ddl_shop.by_unique (InnoDB, utf8mb4, replicated)
--   1 code varchar varchar(10) NOT NULL utf8mb4 default NONE
--   2 label text text NULL utf8mb4 default NULL
--   UNIQUE BTREE code (code) = code
-- tracked ddl_shop.log_lines (InnoDB, utf8mb4, not replicated)
--   1 at datetime datetime NULL default NULL
--   2 line text text NULL utf8mb4 default NULL
-- tracked ddl_shop.nullable_unique (InnoDB, utf8mb4, not replicated)
--   1 code varchar varchar(10) NULL utf8mb4 default NULL
--   UNIQUE BTREE code (code) = nullable_unique_code

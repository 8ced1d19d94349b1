-- mysql: CREATE TABLE everything ( id integer unsigned NOT NULL PRIMARY KEY, t1 tinyint, t2 tinyint(1), t3 bool, t4 boolean DEFAULT true, t5 tinyint unsigned, s1 smallint, s2 smallint unsigned, m1 mediumint, m2 mediumint(5) unsigned zerofill, m3 middleint, i1 int4, b1 bigint, b2 bigint(20) unsigned, b3 int8, d1 decimal, d2 dec(5), d3 numeric(12,4), d4 fixed(3,1) unsigned, f1 float, f2 float(30), f3 float(7,3), f4 double, f5 double precision, f6 real, f7 float4, f8 float8, bit1 bit, bit2 bit(12), y year, dt date, dtm datetime, dtm6 datetime(6), ts timestamp(2) NULL, tm time, tm3 time(3), c1 char, c2 char(10), c3 character(5), c4 char varying(7), c5 character varying(8), c6 varchar(255), c7 national char(3), c8 nchar(2), c9 nvarchar(4), c10 varchar(0), c11 varchar(5) CHARACTER SET latin1, c12 varchar(5) COLLATE utf8mb4_bin, c13 char(3) BINARY, tx1 tinytext, tx2 text, tx3 mediumtext, tx4 longtext, tx5 text(300), tx6 long varchar, bn1 binary, bn2 binary(16), bn3 varbinary(30), bl1 tinyblob, bl2 blob, bl3 mediumblob, bl4 longblob, bl5 blob(70000), bn4 varchar(4) CHARACTER SET binary, e1 enum('a','b''c','d\\e'), st set('x','y','z'), j json, u uuid, g1 geometry, g2 point, g3 linestring, g4 polygon, g5 multipoint, g6 multilinestring, g7 multipolygon, g8 geometrycollection ) DEFAULT CHARSET=utf8mb4
CREATE TYPE "shop"."enum_everything_e1" AS ENUM ('', 'a', 'b''c', E'd\\e');
CREATE TABLE "shop"."everything" (
  "id" bigint NOT NULL,
  "t1" smallint,
  "t2" smallint,
  "t3" smallint,
  "t4" smallint DEFAULT '1'::smallint,
  "t5" smallint,
  "s1" smallint,
  "s2" integer,
  "m1" integer,
  "m2" integer,
  "m3" integer,
  "i1" integer,
  "b1" bigint,
  "b2" numeric(20),
  "b3" bigint,
  "d1" numeric(10,0),
  "d2" numeric(5,0),
  "d3" numeric(12,4),
  "d4" numeric(3,1),
  "f1" real,
  "f2" double precision,
  "f3" real,
  "f4" double precision,
  "f5" double precision,
  "f6" double precision,
  "f7" real,
  "f8" double precision,
  "bit1" bit(1),
  "bit2" bit(12),
  "y" smallint,
  "dt" date,
  "dtm" timestamp(0) without time zone,
  "dtm6" timestamp(6) without time zone,
  "ts" timestamp(2) with time zone,
  "tm" interval(0),
  "tm3" interval(3),
  "c1" varchar(1),
  "c2" varchar(10),
  "c3" varchar(5),
  "c4" varchar(7),
  "c5" varchar(8),
  "c6" varchar(255),
  "c7" varchar(3),
  "c8" varchar(2),
  "c9" varchar(4),
  "c10" text,
  "c11" varchar(5),
  "c12" varchar(5),
  "c13" varchar(3),
  "tx1" text,
  "tx2" text,
  "tx3" text,
  "tx4" text,
  "tx5" text,
  "tx6" text,
  "bn1" bytea,
  "bn2" bytea,
  "bn3" bytea,
  "bl1" bytea,
  "bl2" bytea,
  "bl3" bytea,
  "bl4" bytea,
  "bl5" bytea,
  "bn4" bytea,
  "e1" "shop"."enum_everything_e1",
  "st" text[],
  "j" jsonb,
  "u" uuid,
  "g1" bytea,
  "g2" bytea,
  "g3" bytea,
  "g4" bytea,
  "g5" bytea,
  "g6" bytea,
  "g7" bytea,
  "g8" bytea
);
ALTER TABLE "shop"."everything" ADD CONSTRAINT "everything_pkey" PRIMARY KEY ("id");
-- changes: CREATED ddl_shop.everything, STARTS_REPLICATING ddl_shop.everything

-- tracked ddl_shop.everything (InnoDB, utf8mb4, replicated)
--   1 id int int(10) unsigned NOT NULL default NONE
--   2 t1 tinyint tinyint(4) NULL default NULL
--   3 t2 tinyint tinyint(1) NULL default NULL
--   4 t3 tinyint tinyint(1) NULL default NULL
--   5 t4 tinyint tinyint(1) NULL default LITERAL '1'
--   6 t5 tinyint tinyint(3) unsigned NULL default NULL
--   7 s1 smallint smallint(6) NULL default NULL
--   8 s2 smallint smallint(5) unsigned NULL default NULL
--   9 m1 mediumint mediumint(9) NULL default NULL
--   10 m2 mediumint mediumint(5) unsigned zerofill NULL default NULL
--   11 m3 mediumint mediumint(9) NULL default NULL
--   12 i1 int int(11) NULL default NULL
--   13 b1 bigint bigint(20) NULL default NULL
--   14 b2 bigint bigint(20) unsigned NULL default NULL
--   15 b3 bigint bigint(20) NULL default NULL
--   16 d1 decimal decimal(10,0) NULL default NULL
--   17 d2 decimal decimal(5,0) NULL default NULL
--   18 d3 decimal decimal(12,4) NULL default NULL
--   19 d4 decimal decimal(3,1) unsigned NULL default NULL
--   20 f1 float float NULL default NULL
--   21 f2 double double NULL default NULL
--   22 f3 float float(7,3) NULL default NULL
--   23 f4 double double NULL default NULL
--   24 f5 double double NULL default NULL
--   25 f6 double double NULL default NULL
--   26 f7 float float NULL default NULL
--   27 f8 double double NULL default NULL
--   28 bit1 bit bit(1) NULL default NULL
--   29 bit2 bit bit(12) NULL default NULL
--   30 y year year(4) NULL default NULL
--   31 dt date date NULL default NULL
--   32 dtm datetime datetime NULL default NULL
--   33 dtm6 datetime datetime(6) NULL default NULL
--   34 ts timestamp timestamp(2) NULL default NULL
--   35 tm time time NULL default NULL
--   36 tm3 time time(3) NULL default NULL
--   37 c1 char char(1) NULL utf8mb4 default NULL
--   38 c2 char char(10) NULL utf8mb4 default NULL
--   39 c3 char char(5) NULL utf8mb4 default NULL
--   40 c4 varchar varchar(7) NULL utf8mb4 default NULL
--   41 c5 varchar varchar(8) NULL utf8mb4 default NULL
--   42 c6 varchar varchar(255) NULL utf8mb4 default NULL
--   43 c7 char char(3) NULL utf8mb3 default NULL
--   44 c8 char char(2) NULL utf8mb3 default NULL
--   45 c9 varchar varchar(4) NULL utf8mb3 default NULL
--   46 c10 varchar varchar(0) NULL utf8mb4 default NULL
--   47 c11 varchar varchar(5) NULL latin1 default NULL
--   48 c12 varchar varchar(5) NULL utf8mb4 default NULL
--   49 c13 char char(3) NULL utf8mb4 default NULL
--   50 tx1 tinytext tinytext NULL utf8mb4 default NULL
--   51 tx2 text text NULL utf8mb4 default NULL
--   52 tx3 mediumtext mediumtext NULL utf8mb4 default NULL
--   53 tx4 longtext longtext NULL utf8mb4 default NULL
--   54 tx5 text text NULL utf8mb4 default NULL
--   55 tx6 mediumtext mediumtext NULL utf8mb4 default NULL
--   56 bn1 binary binary(1) NULL default NULL
--   57 bn2 binary binary(16) NULL default NULL
--   58 bn3 varbinary varbinary(30) NULL default NULL
--   59 bl1 tinyblob tinyblob NULL default NULL
--   60 bl2 blob blob NULL default NULL
--   61 bl3 mediumblob mediumblob NULL default NULL
--   62 bl4 longblob longblob NULL default NULL
--   63 bl5 mediumblob mediumblob NULL default NULL
--   64 bn4 varbinary varbinary(4) NULL default NULL
--   65 e1 enum enum('a','b''c','d\\e') NULL utf8mb4 default NULL
--   66 st set set('x','y','z') NULL utf8mb4 default NULL
--   67 j json json NULL utf8mb4 default NULL
--   68 u uuid uuid NULL default NULL
--   69 g1 geometry geometry NULL default NULL
--   70 g2 point point NULL default NULL
--   71 g3 linestring linestring NULL default NULL
--   72 g4 polygon polygon NULL default NULL
--   73 g5 multipoint multipoint NULL default NULL
--   74 g6 multilinestring multilinestring NULL default NULL
--   75 g7 multipolygon multipolygon NULL default NULL
--   76 g8 geometrycollection geometrycollection NULL default NULL
--   PRIMARY KEY (id) = everything_pkey

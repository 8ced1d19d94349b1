-- mysql: CREATE TABLE people ( id int NOT NULL, email varchar(80) NOT NULL UNIQUE, nick varchar(20) UNIQUE KEY, email_2 int, city varchar(30), bio text, CONSTRAINT pk PRIMARY KEY (id), KEY (email), KEY (city, nick), INDEX (city), CONSTRAINT uq_nick_city UNIQUE (nick, city), FULLTEXT KEY ft_bio (bio) )
CREATE TABLE "shop"."people" (
  "id" integer NOT NULL,
  "email" varchar(80) NOT NULL,
  "nick" varchar(20),
  "email_2" integer,
  "city" varchar(30),
  "bio" text
);
ALTER TABLE "shop"."people" ADD CONSTRAINT "people_pkey" PRIMARY KEY ("id");
CREATE INDEX "city" ON "shop"."people" ("city", "nick");
CREATE INDEX "city_2" ON "shop"."people" ("city");
CREATE UNIQUE INDEX "email" ON "shop"."people" ("email");
CREATE INDEX "email_2" ON "shop"."people" ("email");
CREATE UNIQUE INDEX "nick" ON "shop"."people" ("nick");
CREATE UNIQUE INDEX "uq_nick_city" ON "shop"."people" ("nick", "city");
-- warning: index ft_bio of ddl_shop.people not built: FULLTEXT index; PostgreSQL needs a tsvector index instead, e.g. CREATE INDEX ON "shop"."people" USING gin (to_tsvector('simple', <column>))
-- changes: CREATED ddl_shop.people, STARTS_REPLICATING ddl_shop.people

-- mysql: CREATE TABLE orders ( id int PRIMARY KEY, person_id int NOT NULL, seller_id int, FOREIGN KEY (person_id) REFERENCES people (id), CONSTRAINT fk_seller FOREIGN KEY (seller_id) REFERENCES people (id) )
CREATE TABLE "shop"."orders" (
  "id" integer NOT NULL,
  "person_id" integer NOT NULL,
  "seller_id" integer
);
ALTER TABLE "shop"."orders" ADD CONSTRAINT "orders_pkey" PRIMARY KEY ("id");
CREATE INDEX "fk_seller" ON "shop"."orders" ("seller_id");
CREATE INDEX "person_id" ON "shop"."orders" ("person_id");
-- changes: CREATED ddl_shop.orders, STARTS_REPLICATING ddl_shop.orders

-- mysql: CREATE TABLE pairs ( a int NOT NULL, b varchar(10) NOT NULL, c int, PRIMARY KEY (a, b) )
CREATE TABLE "shop"."pairs" (
  "a" integer NOT NULL,
  "b" varchar(10) NOT NULL,
  "c" integer
);
ALTER TABLE "shop"."pairs" ADD CONSTRAINT "pairs_pkey" PRIMARY KEY ("a", "b");
-- changes: CREATED ddl_shop.pairs, STARTS_REPLICATING ddl_shop.pairs

-- tracked ddl_shop.orders (InnoDB, utf8mb4, replicated)
--   1 id int int(11) NOT NULL default NONE
--   2 person_id int int(11) NOT NULL default NONE
--   3 seller_id int int(11) NULL default NULL
--   PRIMARY KEY (id) = orders_pkey
--   BTREE fk_seller (seller_id) = fk_seller
--   BTREE person_id (person_id) = person_id
-- tracked ddl_shop.pairs (InnoDB, utf8mb4, replicated)
--   1 a int int(11) NOT NULL default NONE
--   2 b varchar varchar(10) NOT NULL utf8mb4 default NONE
--   3 c int int(11) NULL default NULL
--   PRIMARY KEY (a, b) = pairs_pkey
-- tracked ddl_shop.people (InnoDB, utf8mb4, replicated)
--   1 id int int(11) NOT NULL default NONE
--   2 email varchar varchar(80) NOT NULL utf8mb4 default NONE
--   3 nick varchar varchar(20) NULL utf8mb4 default NULL
--   4 email_2 int int(11) NULL default NULL
--   5 city varchar varchar(30) NULL utf8mb4 default NULL
--   6 bio text text NULL utf8mb4 default NULL
--   PRIMARY KEY (id) = people_pkey
--   BTREE city (city, nick) = city
--   BTREE city_2 (city) = city_2
--   UNIQUE BTREE email (email) = email
--   BTREE email_2 (email) = email_2
--   FULLTEXT ft_bio (bio) = (none)
--   UNIQUE BTREE nick (nick) = nick
--   UNIQUE BTREE uq_nick_city (nick, city) = uq_nick_city

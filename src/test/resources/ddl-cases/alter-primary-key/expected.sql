-- mysql: ALTER TABLE events ADD PRIMARY KEY (id)
ALTER TABLE "shop"."events" ADD CONSTRAINT "events_pkey" PRIMARY KEY ("id");
-- changes: ALTERED ddl_shop.events, STARTS_REPLICATING ddl_shop.events

-- mysql: ALTER TABLE keyed DROP PRIMARY KEY
ALTER TABLE "shop"."keyed" DROP CONSTRAINT "keyed_pkey";
-- warning: ddl_shop.keyed has no primary key or unique NOT NULL key any more: its rows are not replicated until it has one again
-- changes: ALTERED ddl_shop.keyed, STOPS_REPLICATING ddl_shop.keyed

-- mysql: ALTER TABLE keyed ADD CONSTRAINT pk_keyed PRIMARY KEY (other, id)
ALTER TABLE "shop"."keyed" ADD CONSTRAINT "keyed_pkey" PRIMARY KEY ("other", "id");
-- changes: ALTERED ddl_shop.keyed, STARTS_REPLICATING ddl_shop.keyed

-- mysql: ALTER TABLE events DROP PRIMARY KEY, ADD PRIMARY KEY (id, source)
ALTER TABLE "shop"."events" DROP CONSTRAINT "events_pkey";
ALTER TABLE "shop"."events" ADD CONSTRAINT "events_pkey" PRIMARY KEY ("id", "source");
-- changes: ALTERED ddl_shop.events

-- mysql: ALTER TABLE events ADD UNIQUE KEY uk_at (at)
CREATE UNIQUE INDEX "uk_at" ON "shop"."events" ("at");
-- changes: ALTERED ddl_shop.events

-- tracked ddl_shop.events (InnoDB, utf8mb4, replicated)
--   1 id int int(11) NOT NULL default NONE
--   2 at datetime datetime NULL default NULL
--   3 source varchar varchar(10) NOT NULL utf8mb4 default NONE
--   PRIMARY KEY (id, source) = events_pkey
--   UNIQUE BTREE uk_at (at) = uk_at
-- tracked ddl_shop.keyed (InnoDB, utf8mb4, replicated)
--   1 id int int(11) NOT NULL default NONE
--   2 other int int(11) NOT NULL default NONE
--   PRIMARY KEY (other, id) = keyed_pkey

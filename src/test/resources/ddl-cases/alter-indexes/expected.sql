-- mysql: ALTER TABLE orders ADD INDEX idx_customer (customer)
CREATE INDEX "idx_customer" ON "shop"."orders" ("customer");
-- changes: ALTERED ddl_shop.orders

-- mysql: ALTER TABLE orders ADD UNIQUE KEY uk_customer_created (customer, created), ADD KEY (customer(10))
CREATE UNIQUE INDEX "uk_customer_created" ON "shop"."orders" ("customer", "created");
CREATE INDEX "customer" ON "shop"."orders" ((left("customer", 10)));
-- changes: ALTERED ddl_shop.orders

-- mysql: ALTER TABLE items ADD INDEX created (created)
CREATE INDEX "items_created" ON "shop"."items" ("created");
-- changes: ALTERED ddl_shop.items

-- mysql: CREATE INDEX idx_note ON orders (note(30))
CREATE INDEX "idx_note" ON "shop"."orders" ((left("note", 30)));
-- changes: ALTERED ddl_shop.orders

-- mysql: CREATE UNIQUE INDEX uk_items ON items (created) USING BTREE ALGORITHM=INPLACE LOCK=NONE
CREATE UNIQUE INDEX "uk_items" ON "shop"."items" ("created");
-- changes: ALTERED ddl_shop.items

-- mysql: ALTER TABLE orders ADD FULLTEXT INDEX ft_note (note)
-- warning: index ft_note of ddl_shop.orders not built: FULLTEXT index; PostgreSQL needs a tsvector index instead, e.g. CREATE INDEX ON "shop"."orders" USING gin (to_tsvector('simple', <column>))
-- changes: ALTERED ddl_shop.orders

-- mysql: ALTER TABLE orders DROP INDEX idx_customer
DROP INDEX "shop"."idx_customer";
-- changes: ALTERED ddl_shop.orders

-- mysql: DROP INDEX customer ON orders
DROP INDEX "shop"."customer";
-- changes: ALTERED ddl_shop.orders

-- mysql: ALTER TABLE orders DROP KEY ft_note
-- changes: ALTERED ddl_shop.orders

-- mysql: ALTER TABLE orders RENAME INDEX created TO by_created
ALTER INDEX "shop"."created" RENAME TO "by_created";
-- changes: ALTERED ddl_shop.orders

-- mysql: DROP INDEX IF EXISTS nothing ON items

-- tracked ddl_shop.items (InnoDB, utf8mb4, replicated)
--   1 id int int(11) NOT NULL default NONE
--   2 created date date NULL default NULL
--   PRIMARY KEY (id) = items_pkey
--   BTREE created (created) = items_created
--   UNIQUE BTREE uk_items (created) = uk_items
-- tracked ddl_shop.orders (InnoDB, utf8mb4, replicated)
--   1 id int int(11) NOT NULL default NONE
--   2 customer varchar varchar(40) NULL utf8mb4 default NULL
--   3 created date date NULL default NULL
--   4 note text text NULL utf8mb4 default NULL
--   PRIMARY KEY (id) = orders_pkey
--   BTREE by_created (created) = by_created
--   BTREE idx_note (note(30)) = idx_note
--   UNIQUE BTREE uk_customer_created (customer, created) = uk_customer_created

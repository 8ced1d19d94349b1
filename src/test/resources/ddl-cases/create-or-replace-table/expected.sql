-- mysql: CREATE OR REPLACE TABLE tags (id bigint PRIMARY KEY, kind enum('x','y','z') DEFAULT 'z')
DROP TABLE IF EXISTS "shop"."tags" CASCADE;
DROP TYPE IF EXISTS "shop"."enum_tags_kind";
CREATE TYPE "shop"."enum_tags_kind" AS ENUM ('', 'x', 'y', 'z');
CREATE TABLE "shop"."tags" (
  "id" bigint NOT NULL,
  "kind" "shop"."enum_tags_kind" DEFAULT 'z'::"shop"."enum_tags_kind"
);
ALTER TABLE "shop"."tags" ADD CONSTRAINT "tags_pkey" PRIMARY KEY ("id");
-- changes: DROPPED ddl_shop.tags, CREATED ddl_shop.tags, STARTS_REPLICATING ddl_shop.tags

-- tracked ddl_shop.tags (InnoDB, utf8mb4, replicated)
--   1 id bigint bigint(20) NOT NULL default NONE
--   2 kind enum enum('x','y','z') NULL utf8mb4 default LITERAL 'z'
--   PRIMARY KEY (id) = tags_pkey

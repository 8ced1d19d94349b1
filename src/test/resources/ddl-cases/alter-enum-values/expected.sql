-- mysql: ALTER TABLE t MODIFY size enum('s','m','l','xl') NOT NULL DEFAULT 's'
ALTER TABLE "shop"."t" ALTER COLUMN "size" DROP DEFAULT;
ALTER TYPE "shop"."enum_t_size" ADD VALUE 'xl' AFTER 'l';
ALTER TABLE "shop"."t" ALTER COLUMN "size" SET DEFAULT 's'::"shop"."enum_t_size";
-- changes: ALTERED ddl_shop.t

-- mysql: ALTER TABLE t MODIFY size enum('xs','s','m','l','xl') NOT NULL DEFAULT 's'
ALTER TABLE "shop"."t" ALTER COLUMN "size" DROP DEFAULT;
ALTER TYPE "shop"."enum_t_size" ADD VALUE 'xs' AFTER '';
ALTER TABLE "shop"."t" ALTER COLUMN "size" SET DEFAULT 's'::"shop"."enum_t_size";
-- changes: ALTERED ddl_shop.t

-- mysql: ALTER TABLE t MODIFY size enum('xs','s','m','l','xl','xxl') NOT NULL DEFAULT 'xxl'
ALTER TABLE "shop"."t" ALTER COLUMN "size" DROP DEFAULT;
CREATE TYPE "shop"."enum_t_size_new" AS ENUM ('', 'xs', 's', 'm', 'l', 'xl', 'xxl');
ALTER TABLE "shop"."t" ALTER COLUMN "size" TYPE "shop"."enum_t_size_new" USING (CASE WHEN "size"::text IN ('', 'xs', 's', 'm', 'l', 'xl', 'xxl') THEN "size"::text ELSE '' END)::"shop"."enum_t_size_new";
DROP TYPE "shop"."enum_t_size";
ALTER TYPE "shop"."enum_t_size_new" RENAME TO "enum_t_size";
ALTER TABLE "shop"."t" ALTER COLUMN "size" SET DEFAULT 'xxl'::"shop"."enum_t_size";
-- changes: ALTERED ddl_shop.t

-- mysql: ALTER TABLE t MODIFY color enum('blue','red')
CREATE TYPE "shop"."enum_t_color_new" AS ENUM ('', 'blue', 'red');
ALTER TABLE "shop"."t" ALTER COLUMN "color" TYPE "shop"."enum_t_color_new" USING (CASE WHEN "color"::text IN ('', 'blue', 'red') THEN "color"::text ELSE '' END)::"shop"."enum_t_color_new";
DROP TYPE "shop"."enum_t_color";
ALTER TYPE "shop"."enum_t_color_new" RENAME TO "enum_t_color";
-- changes: ALTERED ddl_shop.t

-- mysql: ALTER TABLE t MODIFY color enum('blue')
CREATE TYPE "shop"."enum_t_color_new" AS ENUM ('', 'blue');
ALTER TABLE "shop"."t" ALTER COLUMN "color" TYPE "shop"."enum_t_color_new" USING (CASE WHEN "color"::text IN ('', 'blue') THEN "color"::text ELSE '' END)::"shop"."enum_t_color_new";
DROP TYPE "shop"."enum_t_color";
ALTER TYPE "shop"."enum_t_color_new" RENAME TO "enum_t_color";
-- changes: ALTERED ddl_shop.t

-- mysql: ALTER TABLE t MODIFY word enum('yes','no')
CREATE TYPE "shop"."enum_t_word" AS ENUM ('', 'yes', 'no');
ALTER TABLE "shop"."t" ALTER COLUMN "word" TYPE "shop"."enum_t_word" USING (CASE WHEN "word"::text IN ('', 'yes', 'no') THEN "word"::text ELSE '' END)::"shop"."enum_t_word";
-- changes: ALTERED ddl_shop.t

-- mysql: ALTER TABLE t MODIFY mood varchar(5)
ALTER TABLE "shop"."t" ALTER COLUMN "mood" TYPE varchar(5) USING "mood"::text::varchar(5);
DROP TYPE IF EXISTS "shop"."enum_t_mood";
-- changes: ALTERED ddl_shop.t

-- tracked ddl_shop.t (InnoDB, utf8mb4, replicated)
--   1 id int int(11) NOT NULL default NONE
--   2 size enum enum('xs','s','m','l','xl','xxl') NOT NULL utf8mb4 default LITERAL 'xxl'
--   3 color enum enum('blue') NULL utf8mb4 default NULL
--   4 word enum enum('yes','no') NULL utf8mb4 default NULL
--   5 mood varchar varchar(5) NULL utf8mb4 default NULL
--   PRIMARY KEY (id) = t_pkey

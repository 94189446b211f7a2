-- Flags as smallint 0/1, as SQLite keeps them (src/db/pg-schema.ts). Hand-written from drizzle-kit's draft:
-- a boolean needs USING to become a number, and its default must go before and come back after.
ALTER TABLE "admins" ALTER COLUMN "must_change_password" DROP DEFAULT;
--> statement-breakpoint
ALTER TABLE "admins" ALTER COLUMN "must_change_password" SET DATA TYPE smallint USING "must_change_password"::integer;
--> statement-breakpoint
ALTER TABLE "admins" ALTER COLUMN "must_change_password" SET DEFAULT 0;
--> statement-breakpoint
ALTER TABLE "advisories" ALTER COLUMN "relevant" SET DATA TYPE smallint USING "relevant"::integer;
--> statement-breakpoint
ALTER TABLE "advisories" ALTER COLUMN "exploited" DROP DEFAULT;
--> statement-breakpoint
ALTER TABLE "advisories" ALTER COLUMN "exploited" SET DATA TYPE smallint USING "exploited"::integer;
--> statement-breakpoint
ALTER TABLE "advisories" ALTER COLUMN "exploited" SET DEFAULT 0;
--> statement-breakpoint
ALTER TABLE "advisory_revisions" ALTER COLUMN "material" SET DATA TYPE smallint USING "material"::integer;
--> statement-breakpoint
ALTER TABLE "notices" ALTER COLUMN "archived" DROP DEFAULT;
--> statement-breakpoint
ALTER TABLE "notices" ALTER COLUMN "archived" SET DATA TYPE smallint USING "archived"::integer;
--> statement-breakpoint
ALTER TABLE "notices" ALTER COLUMN "archived" SET DEFAULT 0;
--> statement-breakpoint
ALTER TABLE "practices" ALTER COLUMN "ti_outages" DROP DEFAULT;
--> statement-breakpoint
ALTER TABLE "practices" ALTER COLUMN "ti_outages" SET DATA TYPE smallint USING "ti_outages"::integer;
--> statement-breakpoint
ALTER TABLE "practices" ALTER COLUMN "ti_outages" SET DEFAULT 0;
--> statement-breakpoint
ALTER TABLE "sources" ALTER COLUMN "enabled" DROP DEFAULT;
--> statement-breakpoint
ALTER TABLE "sources" ALTER COLUMN "enabled" SET DATA TYPE smallint USING "enabled"::integer;
--> statement-breakpoint
ALTER TABLE "sources" ALTER COLUMN "enabled" SET DEFAULT 1;

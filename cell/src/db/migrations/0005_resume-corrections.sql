-- A user's corrections to a parsed resume (PATCH /v1/resumes/{id}) count its versions; roasts and
-- match scores made from an earlier version say they are stale.
ALTER TABLE "resumes" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "resumes" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "roasts" ADD COLUMN "stale" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "jobs" ADD COLUMN "match_stale" boolean DEFAULT false NOT NULL;

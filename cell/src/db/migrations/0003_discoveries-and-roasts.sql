CREATE TABLE "discoveries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" text NOT NULL,
	"workflow_id" uuid NOT NULL,
	"query" text NOT NULL,
	"location" text,
	"boards" jsonb NOT NULL,
	"resume_id" uuid,
	"found" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "roasts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" text NOT NULL,
	"workflow_id" uuid NOT NULL,
	"resume_id" uuid NOT NULL,
	"style" text NOT NULL,
	"headline" text NOT NULL,
	"points" jsonb NOT NULL,
	"score" integer NOT NULL,
	"usage" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "jobs" ADD COLUMN "source" text DEFAULT 'manual' NOT NULL;--> statement-breakpoint
ALTER TABLE "jobs" ADD COLUMN "posting_id" text;--> statement-breakpoint
ALTER TABLE "jobs" ADD COLUMN "posting" jsonb;--> statement-breakpoint
ALTER TABLE "jobs" ADD COLUMN "discovery_id" uuid;--> statement-breakpoint
ALTER TABLE "jobs" ADD COLUMN "match_score" integer;--> statement-breakpoint
ALTER TABLE "jobs" ADD COLUMN "matched_resume_id" uuid;--> statement-breakpoint
CREATE INDEX "discoveries_tenant_created_idx" ON "discoveries" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE INDEX "roasts_tenant_created_idx" ON "roasts" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "jobs_tenant_posting_idx" ON "jobs" USING btree ("tenant_id","posting_id") WHERE "jobs"."posting_id" is not null;
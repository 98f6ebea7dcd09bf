CREATE TABLE "tenant_freezes" (
	"tenant_id" text PRIMARY KEY NOT NULL,
	"migration_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);

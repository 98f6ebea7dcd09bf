CREATE TABLE "tenants" (
	"tenant_id" text PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
-- Tenants that wrote before this table existed: registered as of their oldest row.
INSERT INTO "tenants" ("tenant_id", "created_at")
SELECT "tenant_id", min("created_at") FROM (
	SELECT "tenant_id", "created_at" FROM "resumes"
	UNION ALL SELECT "tenant_id", "created_at" FROM "jobs"
	UNION ALL SELECT "tenant_id", "created_at" FROM "workflows"
	UNION ALL SELECT "tenant_id", "created_at" FROM "tailorings"
) AS "existing" GROUP BY "tenant_id";

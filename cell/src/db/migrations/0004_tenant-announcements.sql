-- When the tenant's tenant.registered event was recorded. Tenants registered before the event
-- existed have none; the worker announces them once (tenancy/announce.ts).
ALTER TABLE "tenants" ADD COLUMN "announced_at" timestamp with time zone;

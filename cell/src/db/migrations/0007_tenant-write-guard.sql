-- The guard every write of a tenant passes (tenancy/write-guard.ts), as one statement instead of
-- two (ADR 0045). First the shared advisory lock the migrator's exclusive lock waits on; then, in a
-- query of its own, the freeze check: a VOLATILE function takes a fresh snapshot for each query it
-- runs, so in READ COMMITTED the check sees a freeze committed while the lock was awaited. A tenant
-- that is not frozen is registered by its first write; `registered` says this write did it.
CREATE FUNCTION "hireloop_guard_tenant"("tenant" text, "lock_name" text)
RETURNS TABLE ("migration_id" uuid, "registered" boolean)
LANGUAGE plpgsql VOLATILE AS $$
#variable_conflict use_column
BEGIN
  PERFORM pg_advisory_xact_lock_shared(hashtextextended(lock_name, 0));
  migration_id := (SELECT f.migration_id FROM tenant_freezes f WHERE f.tenant_id = tenant);
  registered := false;
  IF migration_id IS NULL THEN
    INSERT INTO tenants (tenant_id, announced_at) VALUES (tenant, now()) ON CONFLICT DO NOTHING;
    registered := FOUND;
  END IF;
  RETURN NEXT;
END
$$;

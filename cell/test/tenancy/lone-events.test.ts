import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { useTestCell } from "../support/cell.ts";

const cell = useTestCell({ worker: false });

const scored = () => ({ resumeId: randomUUID(), jobId: randomUUID(), score: 50 });

describe("lone events (a request's only write), written together", () => {
  it("commits many tenants' events in shared statements, each tenant guarded on its own", async () => {
    const { sql, loneEvents } = cell.deps;
    const run = randomUUID().slice(0, 8);
    const frozen = `frozen-${run}`;
    const fresh = `fresh-${run}`;
    const others = Array.from({ length: 12 }, (_, i) => `tenant-${i}-${run}`);
    await sql`insert into tenants (tenant_id, announced_at) select unnest(${others}::text[]), now()`;
    await sql`insert into tenants (tenant_id, announced_at) values (${frozen}, now())`;
    await sql`insert into tenant_freezes (tenant_id, migration_id) values (${frozen}, ${randomUUID()})`;

    // Sent at once: all but the first wait for the statement in flight and share the next ones.
    const outcomes = await Promise.allSettled(
      [...others, ...others, frozen, fresh, fresh].map((tenant) =>
        loneEvents.record(tenant, "match.scored", scored()),
      ),
    );
    const refused = outcomes.flatMap((outcome, index) =>
      outcome.status === "rejected" ? [[index, (outcome.reason as { code?: string }).code]] : [],
    );
    expect(refused).toEqual([[others.length * 2, "tenant_migrating"]]);

    const counts = await sql<{ key: string; type: string; n: number }[]>`
      select key, envelope->>'type' as type, count(*)::int as n from outbox
      where key like ${`%-${run}`} group by 1, 2`;
    const byKey = (a: { key: string; type: string }, b: { key: string; type: string }) =>
      `${a.key} ${a.type}`.localeCompare(`${b.key} ${b.type}`);
    expect([...counts].sort(byKey)).toEqual(
      [
        ...others.map((key) => ({ key, type: "match.scored", n: 2 })),
        { key: fresh, type: "match.scored", n: 2 },
        // Registered by its first write and announced once; the frozen tenant recorded nothing.
        { key: fresh, type: "tenant.registered", n: 1 },
      ].sort(byKey),
    );
    const order = await sql<{ type: string }[]>`
      select envelope->>'type' as type from outbox where key = ${fresh} order by seq`;
    expect(order.map((row) => row.type)).toEqual(["tenant.registered", "match.scored", "match.scored"]);
    expect(await sql`select 1 from tenants where tenant_id = ${fresh}`).toHaveLength(1);
  });
});

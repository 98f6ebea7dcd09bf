import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { sentenceFor } from "../api/errors.ts";
import { type CellsAnswer, opsGet, type RegionsAnswer, type TenantWhereabouts } from "../api/ops.ts";

/** Seen live: a cell going down shows within this long. */
const REFRESH_MS = 5_000;

/** The operator console: this region's cells, its peer regions, and where a tenant lives. */
export function OpsScreen() {
  return (
    <>
      <h1>Operations</h1>
      <Cells />
      <Regions />
      <TenantLookup />
    </>
  );
}

function Cells() {
  const cells = useQuery({
    queryKey: ["ops", "cells"],
    queryFn: () => opsGet<CellsAnswer>("/cells"),
    refetchInterval: REFRESH_MS,
  });
  return (
    <section aria-labelledby="cells-heading">
      <h2 id="cells-heading">Cells{cells.data ? ` of ${cells.data.region}` : ""}</h2>
      {cells.isPending && <p aria-busy="true">Loading the cells…</p>}
      {cells.isError && (
        <p role="alert" className="error">
          {sentenceFor(cells.error)}
        </p>
      )}
      {cells.data && (
        <>
          <p>
            <small>Placement version {cells.data.version ?? "not loaded"}</small>
          </p>
          <div className="overflow-auto">
            <table>
              <thead>
                <tr>
                  <th scope="col">Cell</th>
                  <th scope="col">State</th>
                  <th scope="col">Health</th>
                  <th scope="col">Buckets</th>
                  <th scope="col">Tenants</th>
                  <th scope="col">Capacity</th>
                </tr>
              </thead>
              <tbody>
                {cells.data.cells.map((cell) => (
                  <tr key={cell.id}>
                    <th scope="row">{cell.id}</th>
                    <td>{cell.state}</td>
                    <td className={cell.health === "up" ? "" : "error"}>{cell.health}</td>
                    <td>{cell.buckets}</td>
                    <td>{cell.tenants ?? "?"}</td>
                    <td>
                      {cell.maxTenants === null ? "unlimited" : cell.maxTenants}
                      {cell.full ? " (full)" : ""}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

function Regions() {
  const regions = useQuery({
    queryKey: ["ops", "regions"],
    queryFn: () => opsGet<RegionsAnswer>("/regions"),
    refetchInterval: REFRESH_MS,
  });
  return (
    <section aria-labelledby="regions-heading">
      <h2 id="regions-heading">Regions</h2>
      {regions.isError && (
        <p role="alert" className="error">
          {sentenceFor(regions.error)}
        </p>
      )}
      {regions.data && (
        <ul>
          <li>
            {regions.data.region} (this one): {regions.data.ready ? "ready" : "not ready"}
          </li>
          {regions.data.peers.map((peer) => (
            <li key={peer.region}>
              {peer.region}: {peer.up ? "up" : "down"}, replicated{" "}
              {peer.replicationLagSeconds === null
                ? "not yet"
                : `${peer.replicationLagSeconds.toFixed(1)} s behind`}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function TenantLookup() {
  const [key, setKey] = useState("");
  const [asked, setAsked] = useState<string | null>(null);
  const where = useQuery({
    queryKey: ["ops", "tenant", asked],
    queryFn: () => opsGet<TenantWhereabouts>(`/tenants/${encodeURIComponent(asked ?? "")}`),
    enabled: asked !== null,
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    setAsked(key.trim());
  }
  return (
    <section aria-labelledby="tenant-heading">
      <h2 id="tenant-heading">Where is a tenant?</h2>
      <search>
        <form onSubmit={submit}>
          <label>
            Tenant (user id or organization id)
            <input value={key} onChange={(event) => setKey(event.target.value)} required maxLength={128} />
          </label>
          <button type="submit">Look up</button>
        </form>
      </search>
      {where.isFetching && <p aria-busy="true">Looking…</p>}
      {where.isError && (
        <p role="alert" className="error">
          {sentenceFor(where.error)}
        </p>
      )}
      {where.data && (
        <p aria-live="polite">
          <strong>{where.data.tenant}</strong>:{" "}
          {where.data.home
            ? `home region ${where.data.home.region}${where.data.home.resident ? " (resident)" : ""}; `
            : "not in the user directory; "}
          in {where.data.region} on cell <strong>{where.data.cell}</strong> (bucket {where.data.bucket}
          {where.data.pinned ? ", pinned by an override" : ""}; placement version {where.data.version})
        </p>
      )}
    </section>
  );
}

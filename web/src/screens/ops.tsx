import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { sentenceFor } from "../api/errors.ts";
import {
  type CellsAnswer,
  type DeadLetter,
  type DeadLettersAnswer,
  opsCall,
  type RegionsAnswer,
  type TenantWhereabouts,
} from "../api/ops.ts";
import { ErrorMessage } from "./error-message.tsx";
import { TableHead } from "./table-head.tsx";

/** Seen live: a cell going down shows within this long. */
const REFRESH_MS = 5_000;

/** The operator console: this region's cells, its peer regions, and where a tenant lives. */
export function OpsScreen() {
  return (
    <>
      <h1>Operations</h1>
      <Cells />
      <Regions />
      <DeadLetters />
      <TenantLookup />
    </>
  );
}

function Cells() {
  const cells = useQuery({
    queryKey: ["ops", "cells"],
    queryFn: () => opsCall<CellsAnswer>("/cells"),
    refetchInterval: REFRESH_MS,
  });
  return (
    <section aria-labelledby="cells-heading">
      <h2 id="cells-heading">Cells{cells.data ? ` of ${cells.data.region}` : ""}</h2>
      {cells.isPending && <p aria-busy="true">Loading the cells…</p>}
      {cells.isError && <ErrorMessage error={cells.error} />}
      {cells.data && (
        <>
          <p>
            <small>Placement version {cells.data.version ?? "not loaded"}</small>
          </p>
          <div className="overflow-auto">
            <table>
              <TableHead columns={["Cell", "State", "Health", "Buckets", "Tenants", "Capacity"]} />
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
    queryFn: () => opsCall<RegionsAnswer>("/regions"),
    refetchInterval: REFRESH_MS,
  });
  return (
    <section aria-labelledby="regions-heading">
      <h2 id="regions-heading">Regions</h2>
      {regions.isError && <ErrorMessage error={regions.error} />}
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
    queryFn: () => opsCall<TenantWhereabouts>(`/tenants/${encodeURIComponent(asked ?? "")}`),
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
      {where.isError && <ErrorMessage error={where.error} />}
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

function DeadLetters() {
  const letters = useQuery({
    queryKey: ["ops", "dead-letters"],
    queryFn: () => opsCall<DeadLettersAnswer>("/dead-letters"),
    refetchInterval: REFRESH_MS,
  });
  const open = letters.data?.cells.flatMap((entry) =>
    entry.deadLetters.map((letter) => ({ cell: entry.cell, letter })),
  );
  return (
    <section aria-labelledby="dlq-heading">
      <h2 id="dlq-heading">Dead letters</h2>
      <p>
        <small>
          Workflows that failed after their retries and fallback; a replay re-runs the step that failed.
        </small>
      </p>
      {letters.isPending && <p aria-busy="true">Asking every cell…</p>}
      {letters.isError && <ErrorMessage error={letters.error} />}
      {letters.data?.cells
        .filter((entry) => entry.error !== null)
        .map((entry) => (
          <p key={entry.cell} role="alert" className="error">
            {entry.cell}: {entry.error}
          </p>
        ))}
      {open && open.length === 0 && <p>None: no workflow is waiting for a replay.</p>}
      {open && open.length > 0 && (
        <div className="overflow-auto">
          <table>
            <TableHead columns={["Cell", "Step", "Error", "Attempts", "Tenant", "Failed", "Action"]} />
            <tbody>
              {open.map(({ cell, letter }) => (
                <DeadLetterRow key={letter.id} cell={cell} letter={letter} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function DeadLetterRow({ cell, letter }: { cell: string; letter: DeadLetter }) {
  const queries = useQueryClient();
  const replay = useMutation({
    mutationFn: () => opsCall<{ workflowId: string }>(`/dead-letters/${cell}/${letter.id}/replay`, "POST"),
    onSuccess: () => queries.invalidateQueries({ queryKey: ["ops", "dead-letters"] }),
  });
  return (
    <tr>
      <th scope="row">{cell}</th>
      <td>{letter.step}</td>
      <td title={letter.errorMessage}>{letter.errorCode}</td>
      <td>{letter.attempts}</td>
      <td>{letter.tenantId}</td>
      <td>{new Date(letter.createdAt).toLocaleString()}</td>
      <td>
        <button
          type="button"
          className="outline"
          aria-label={`Replay workflow ${letter.workflowId}`}
          aria-busy={replay.isPending}
          disabled={replay.isPending}
          onClick={() => replay.mutate()}
        >
          Replay
        </button>
        {replay.isError && <small className="error"> {sentenceFor(replay.error)}</small>}
      </td>
    </tr>
  );
}

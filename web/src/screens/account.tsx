import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { api, unwrap } from "../api/client.ts";
import { useSession } from "../auth/session.tsx";
import { ErrorMessage } from "./error-message.tsx";

/** Where the signed-in user's data lives; before their first upload, where they choose it to live. */
export function AccountScreen() {
  const home = useQuery({ queryKey: ["home"], queryFn: () => unwrap(api.GET("/v1/home")) });
  return (
    <section aria-labelledby="account-heading">
      <h1 id="account-heading">Account</h1>
      {home.isPending && <p aria-busy="true">Loading where your data lives…</p>}
      {home.isError && <ErrorMessage error={home.error} />}
      {home.data && (
        <>
          <dl className="facts">
            <dt>Home region</dt>
            <dd>
              {home.data.homeRegion}
              {home.data.resident ? " (your personal data never leaves it)" : ""}
            </dd>
            <dt>Cell holding your data</dt>
            <dd>{home.data.cell ?? "none yet: it is chosen with your first upload"}</dd>
            <dt>Region that answered</dt>
            <dd>{home.data.answeredBy}</dd>
          </dl>
          {home.data.cell === null && <ResidencyChoice current={home.data.homeRegion} />}
        </>
      )}
    </section>
  );
}

function ResidencyChoice({ current }: { current: string }) {
  const { config } = useSession();
  const queries = useQueryClient();
  const [region, setRegion] = useState(current);
  const [resident, setResident] = useState(false);
  const choose = useMutation({
    mutationFn: () => unwrap(api.PUT("/v1/home", { body: { region, resident } })),
    onSuccess: (home) => queries.setQueryData(["home"], home),
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    choose.mutate();
  }
  return (
    <form onSubmit={submit}>
      <fieldset>
        <legend>Where your data lives</legend>
        <p>
          <small>
            You choose once, before your first upload. Later requests from anywhere reach this region.
          </small>
        </p>
        <label>
          Home region
          <select value={region} onChange={(event) => setRegion(event.target.value)}>
            {config.regions.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label>
          <input type="checkbox" checked={resident} onChange={(event) => setResident(event.target.checked)} />{" "}
          Keep my personal data in this region only (data residency)
        </label>
      </fieldset>
      {choose.isError && <ErrorMessage error={choose.error} />}
      {choose.isSuccess && <p aria-live="polite">Saved: your home region is {choose.data.homeRegion}.</p>}
      <button type="submit" aria-busy={choose.isPending} disabled={choose.isPending}>
        Save
      </button>
    </form>
  );
}

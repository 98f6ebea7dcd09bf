import { useQuery } from "@tanstack/react-query";
import { api, unwrap } from "../api/client.ts";
import { sentenceFor } from "../api/errors.ts";

/** Where the signed-in user's data lives: their home region and cell, and which region answered. */
export function AccountScreen() {
  const home = useQuery({ queryKey: ["home"], queryFn: () => unwrap(api.GET("/v1/home")) });
  return (
    <section aria-labelledby="account-heading">
      <h1 id="account-heading">Account</h1>
      {home.isPending && <p aria-busy="true">Loading where your data lives…</p>}
      {home.isError && (
        <p role="alert" className="error">
          {sentenceFor(home.error)}
        </p>
      )}
      {home.data && (
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
      )}
    </section>
  );
}

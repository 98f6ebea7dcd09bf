import { ApiError, sentenceFor } from "../api/errors.ts";

/** A refusal or failure as a sentence a person can act on, with the platform's code beside it. */
export function ErrorMessage({ error }: { error: unknown }) {
  return (
    <p role="alert" className="error">
      {sentenceFor(error)}
      {error instanceof ApiError && <small className="code"> ({error.code})</small>}
    </p>
  );
}

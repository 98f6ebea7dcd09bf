import { tokenForRequest } from "./client.ts";
import { apiErrorOf } from "./errors.ts";

/** A signed-in download (a link cannot carry the Authorization header): the file as a Blob. */
export async function downloadBlob(path: string): Promise<Blob> {
  const token = await tokenForRequest();
  const response = await fetch(path, {
    headers: token ? { Authorization: `Bearer ${token}` } : {},
    signal: AbortSignal.timeout(60_000),
  });
  if (!response.ok) throw await apiErrorOf(response);
  return response.blob();
}

/** Hands the Blob to the browser as a file named `filename`. */
export function saveBlob(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

import { type Resume, tokenForRequest } from "./client.ts";
import { ApiError, errorFromBody } from "./errors.ts";

/** A 5 MB PDF over a slow connection, then its parsing. */
const UPLOAD_TIMEOUT_MS = 120_000;

/**
 * Uploads a resume file, reporting the share sent (0–1) as it goes. XMLHttpRequest, because fetch
 * cannot report upload progress in browsers.
 */
export async function uploadResume(file: File, onProgress: (sent: number) => void): Promise<Resume> {
  const token = await tokenForRequest();
  const form = new FormData();
  form.append("file", file);
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("POST", "/v1/resumes");
    request.timeout = UPLOAD_TIMEOUT_MS;
    request.responseType = "json";
    if (token) request.setRequestHeader("Authorization", `Bearer ${token}`);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.onload = () => {
      if (request.status === 201) resolve(request.response as Resume);
      else reject(errorFromBody(request.status, request.response ?? undefined));
    };
    request.onerror = () => reject(new ApiError(0, "network_error", "the upload could not be sent"));
    request.ontimeout = () => reject(new ApiError(0, "timeout", "the upload took too long"));
    request.send(form);
  });
}

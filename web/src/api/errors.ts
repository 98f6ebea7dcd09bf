/** Every refusal of the platform has one shape: `{code, message, requestId}`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly requestId: string | null = null,
  ) {
    super(message);
  }
}

/** The sentence a person reads for each refusal they can act on; the platform's own words otherwise. */
const SENTENCES: Record<string, string> = {
  resume_unreadable: "This file could not be read as a resume. Try exporting it again as PDF or DOCX.",
  resume_no_text_layer:
    "This PDF is a scan: it holds pictures of text, not text. Upload the original document or a PDF exported from it.",
  resume_encrypted: "This PDF is password-protected. Remove the password and upload it again.",
  resume_empty: "This file holds no text.",
  resume_truncated: "This file is cut short (it ends before its last page). Export it again and retry.",
  resume_unsupported_type: "Upload a PDF, a Word document (DOCX) or a plain text file.",
  unsupported_media_type: "Upload a PDF, a Word document (DOCX) or a plain text file.",
  payload_too_large: "This file is too large: a resume can be at most 5 MB.",
  rate_limited: "Too many requests at once. Wait a few seconds and try again.",
  cell_unavailable:
    "Your data is briefly unavailable while the service recovers. Try again in a few seconds.",
  no_capacity: "We cannot take new accounts right now. Try again later.",
  version_mismatch:
    "This resume was changed elsewhere since you opened it. Reload the page and correct it again.",
  already_homed: "Your home region was chosen at sign-up and cannot change.",
  forbidden_role: "This page is for operators: your account has no operator role.",
  network_error: "The service could not be reached. Check your connection and try again.",
  timeout: "The service took too long to answer. Try again.",
  // Google sign-in, as Firebase Authentication names its failures.
  "auth/popup-blocked":
    "Your browser blocked Google's sign-in window. Allow pop-ups for this site and try again.",
  "auth/popup-closed-by-user": "The Google sign-in window was closed before you chose an account.",
  "auth/cancelled-popup-request": "Another sign-in window is already open.",
  "auth/network-request-failed": "Google sign-in could not be reached. Check your connection and try again.",
  "auth/too-many-requests": "Too many sign-in attempts. Wait a minute and try again.",
  "auth/user-disabled": "This account has been disabled. Contact support to restore it.",
  "auth/user-token-expired": "Your sign-in has expired. Sign in again.",
  "auth/internal-error":
    "Google sign-in could not be completed. Check your connection and try again in a moment.",
  "auth/unauthorized-domain":
    "This site is not allowed to use Google sign-in yet. The operators must add its domain.",
};

export function sentenceFor(error: unknown): string {
  if (error instanceof ApiError) return SENTENCES[error.code] ?? error.message;
  return error instanceof Error ? error.message : String(error);
}

/** Reads an error answer, whatever it holds: a non-JSON body still gives its status. */
export async function apiErrorOf(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => undefined)) as
    | { code?: unknown; message?: unknown; requestId?: unknown }
    | undefined;
  return errorFromBody(response.status, body);
}

export function errorFromBody(
  status: number,
  body: { code?: unknown; message?: unknown; requestId?: unknown } | undefined,
): ApiError {
  return new ApiError(
    status,
    typeof body?.code === "string" ? body.code : `http_${status}`,
    typeof body?.message === "string" ? body.message : `the service answered ${status}`,
    typeof body?.requestId === "string" ? body.requestId : null,
  );
}

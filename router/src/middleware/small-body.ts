import type { Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { RouterEnv } from "../env.ts";
import { errorResponse } from "../errors.ts";

/** The router's own JSON bodies are a few fields; anything larger is refused unread. */
const MAX_SMALL_BODY_BYTES = 16 * 1024;

/**
 * For routes the router answers itself. The body is refused unread, so the connection cannot carry
 * another request: `Connection: close` keeps the client from sending its next request on it.
 */
export const smallBody = bodyLimit({
  maxSize: MAX_SMALL_BODY_BYTES,
  onError: (c) =>
    errorResponse(
      c as Context<RouterEnv>,
      413,
      { code: "payload_too_large", message: `the request body is larger than ${MAX_SMALL_BODY_BYTES} bytes` },
      { Connection: "close" },
    ),
});

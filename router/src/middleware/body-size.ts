import type { MiddlewareHandler } from "hono";
import type { RouterEnv } from "../env.ts";
import { errorResponse } from "../errors.ts";

/**
 * Refuses a declared body over the limit before a byte of it is read; the connection is closed
 * rather than drained. Chunked bodies are counted while they stream (see the proxy).
 */
export function refuseLargeBodies(maxBytes: number): MiddlewareHandler<RouterEnv> {
  return async (c, next) => {
    const declared = c.req.header("content-length");
    if (declared !== undefined && Number(declared) > maxBytes) {
      return errorResponse(
        c,
        413,
        { code: "payload_too_large", message: `the request body is larger than ${maxBytes} bytes` },
        { Connection: "close" },
      );
    }
    await next();
  };
}

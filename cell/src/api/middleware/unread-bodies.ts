import { closeLingering, declaresBody } from "@hireloop/http";
import type { HttpBindings } from "@hono/node-server";
import type { MiddlewareHandler } from "hono";
import type { HonoEnv } from "../env.ts";

/**
 * An answer given without reading the request's body (a refusal: 401, 403, 413, …) ends the
 * connection: the rest of the body is still on its way, and a keep-alive connection the server
 * then closes mid-body is one the router could send its next request on, and lose it. The socket
 * lingers, so the router reads the answer before the connection goes.
 */
export function closeAfterUnreadBodies(): MiddlewareHandler<HonoEnv> {
  return async (c, next) => {
    await next();
    const length = c.req.header("content-length");
    const coding = c.req.header("transfer-encoding");
    const declared = declaresBody({ "content-length": length, "transfer-encoding": coding });
    if (!declared || (c.req.raw.bodyUsed && c.res.status !== 413)) return;
    c.res.headers.set("Connection", "close");
    // Absent when the app is called in-process (tests); a socket only exists behind a listener.
    closeLingering((c.env as Partial<HttpBindings> | undefined)?.incoming?.socket ?? null);
  };
}

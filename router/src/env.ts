import type { Identity } from "@hireloop/identity";
import type { Logger } from "@hireloop/observability";
import type { HttpBindings } from "@hono/node-server";
import type { RouterDeps } from "./deps.ts";

/** What a proxied request ended as, for metrics and the access log (the response itself was streamed). */
export interface ProxyOutcome {
  cell: string;
  status: number;
}

/** Typed context: the Node request/response (the proxy streams through them), injected dependencies, per-request values. */
export interface RouterEnv {
  Bindings: HttpBindings;
  Variables: {
    deps: RouterDeps;
    requestId: string;
    logger: Logger;
    identity: Identity;
    proxied: ProxyOutcome;
    /** Headers for this request's answer, whoever writes it: the edge's own and its rate limits'. */
    answerHeaders: Record<string, string>;
  };
}

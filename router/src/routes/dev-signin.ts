import { ROLES, signDevToken } from "@hireloop/identity";
import type { Hono, MiddlewareHandler } from "hono";
import { z } from "zod";
import type { RouterEnv } from "../env.ts";
import { errorResponse } from "../errors.ts";
import { smallBody } from "../middleware/small-body.ts";

/** As long as a Firebase ID token lives; the web app signs in again when it runs out. */
const DEV_TOKEN_TTL_SECONDS = 3600;

const devUserSchema = z.object({
  uid: z
    .string()
    .regex(/^[A-Za-z0-9._@-]{1,128}$/, "1 to 128 letters, digits, dots, dashes, underscores or @"),
  email: z.email().max(254).optional(),
  role: z.enum(ROLES).optional(),
});

/**
 * `POST /dev/token {uid, email?, role?}` → `{token, expiresIn}`: the web app's "sign in as a development
 * user" on a local platform in dev mode, where the router's verifier trusts the local signing key
 * (the same rule as `npx hireloop token`). Registered only when that key is configured, so the path
 * does not exist anywhere else.
 */
export function registerDevSignIn(
  app: Hono<RouterEnv>,
  privateKeyPath: string,
  perAddress: MiddlewareHandler<RouterEnv>,
) {
  app.post("/dev/token", perAddress, smallBody, async (c) => {
    const parsed = devUserSchema.safeParse(await c.req.json().catch(() => undefined));
    if (!parsed.success) {
      return errorResponse(c, 400, {
        code: "invalid_request",
        message: `send {"uid": "<id>", "email"?: "<address>", "role"?: "operator"}: ${parsed.error.issues[0]?.message ?? "invalid body"}`,
      });
    }
    const { uid, email, role } = parsed.data;
    const token = await signDevToken({
      uid,
      projectId: c.get("deps").config.auth.projectId,
      privateKeyPath,
      ttlSeconds: DEV_TOKEN_TTL_SECONDS,
      ...(email === undefined ? {} : { email }),
      ...(role === undefined ? {} : { role }),
    });
    return c.json({ token, expiresIn: DEV_TOKEN_TTL_SECONDS });
  });
}

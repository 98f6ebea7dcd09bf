import { createHash, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { signDevToken } from "@hireloop/identity";

/** An answer the stand-in gives in place of its own, as Google's endpoints may. */
export interface Refusal {
  status: number;
  body: string;
  contentType?: string;
}

interface Account {
  localId: string;
  email: string;
  name?: string;
}

export interface IdentityToolkitOptions {
  apiKey: string;
  projectId: string;
  /** The key ID tokens are signed with: the router's verifier trusts its public half. */
  privateKeyPath: string;
  /** Lifetime of the ID token a sign-in returns (refreshed tokens live an hour, as Google's do). */
  signInTokenSeconds?: number;
}

export interface IdentityToolkit {
  /** What the Firebase JS SDK is pointed at (`connectAuthEmulator`). */
  url: string;
  /** Every call the stand-in answered, in order: `accounts:signInWithIdp`, `token`, … */
  calls: { endpoint: string; grantType?: string }[];
  /** The ID tokens the stand-in issued, in order. */
  issued: string[];
  /** Gives an account a custom claim, as the Admin SDK's `setCustomUserClaims` does. */
  setRole(email: string, role: "operator"): void;
  /** The next call to `endpoint` gets `refusal` instead of an answer. */
  refuseNext(endpoint: string, refusal: Refusal): void;
  close(): Promise<void>;
}

/**
 * A local server that speaks Google's Identity Toolkit and Secure Token wire formats, as the
 * Firebase Auth emulator does (`/identitytoolkit.googleapis.com/v1/…`, `/securetoken.googleapis.com/
 * v1/token`), so the web app's Firebase sign-in runs its real SDK against it. Unlike the emulator, it
 * signs ID tokens with RS256 like Google, so the router verifies them as it verifies production ones.
 * It takes a Google account stated as JSON (the emulator's form) in place of Google's own ID token.
 */
export async function startIdentityToolkit(options: IdentityToolkitOptions): Promise<IdentityToolkit> {
  const accounts = new Map<string, Account>();
  const refreshTokens = new Map<string, string>();
  const refusals = new Map<string, Refusal>();
  const roles = new Map<string, "operator">();
  const calls: IdentityToolkit["calls"] = [];
  const issued: string[] = [];

  async function idTokenFor(account: Account, ttlSeconds: number) {
    const token = await signDevToken({
      uid: account.localId,
      projectId: options.projectId,
      privateKeyPath: options.privateKeyPath,
      ttlSeconds,
      email: account.email,
      ...(account.name ? { name: account.name } : {}),
      ...(roles.has(account.email) ? { role: roles.get(account.email) } : {}),
    });
    issued.push(token);
    return token;
  }

  function accountOf(statement: Record<string, unknown>): Account {
    const email = String(statement.email);
    const localId = createHash("sha256")
      .update(`google.com:${String(statement.sub)}`)
      .digest("base64url");
    const account: Account = {
      localId: localId.slice(0, 28),
      email,
      ...(typeof statement.name === "string" ? { name: statement.name } : {}),
    };
    accounts.set(account.localId, account);
    return account;
  }

  const endpoints: Record<string, (body: string) => Promise<[number, unknown]>> = {
    "accounts:signInWithIdp": async (body) => {
      const { postBody } = JSON.parse(body) as { postBody: string };
      const idToken = new URLSearchParams(postBody).get("id_token") ?? "";
      let statement: Record<string, unknown>;
      try {
        statement = JSON.parse(idToken) as Record<string, unknown>;
      } catch {
        return [400, googleError(400, "INVALID_IDP_RESPONSE : the Google ID token is not valid")];
      }
      const account = accountOf(statement);
      const refreshToken = randomBytes(24).toString("base64url");
      refreshTokens.set(refreshToken, account.localId);
      return [
        200,
        {
          kind: "identitytoolkit#VerifyAssertionResponse",
          federatedId: `https://accounts.google.com/${String(statement.sub)}`,
          providerId: "google.com",
          localId: account.localId,
          email: account.email,
          emailVerified: true,
          displayName: account.name,
          idToken: await idTokenFor(account, options.signInTokenSeconds ?? 3600),
          refreshToken,
          expiresIn: String(options.signInTokenSeconds ?? 3600),
          rawUserInfo: JSON.stringify(statement),
          isNewUser: false,
        },
      ];
    },
    "accounts:lookup": async (body) => {
      const { idToken } = JSON.parse(body) as { idToken: string };
      const [, payload = ""] = idToken.split(".");
      const sub = (JSON.parse(Buffer.from(payload, "base64url").toString()) as { sub: string }).sub;
      const account = accounts.get(sub);
      if (!account) return [400, googleError(400, "USER_NOT_FOUND")];
      return [
        200,
        {
          kind: "identitytoolkit#GetAccountInfoResponse",
          users: [
            {
              localId: account.localId,
              email: account.email,
              emailVerified: true,
              displayName: account.name,
              providerUserInfo: [
                {
                  providerId: "google.com",
                  rawId: account.email,
                  federatedId: account.email,
                  email: account.email,
                },
              ],
              lastLoginAt: String(Date.now()),
              createdAt: String(Date.now()),
            },
          ],
        },
      ];
    },
    token: async (body) => {
      const form = new URLSearchParams(body);
      const localId = refreshTokens.get(form.get("refresh_token") ?? "");
      const account = localId ? accounts.get(localId) : undefined;
      if (form.get("grant_type") !== "refresh_token" || !account) {
        return [400, googleError(400, "INVALID_REFRESH_TOKEN")];
      }
      const idToken = await idTokenFor(account, 3600);
      return [
        200,
        {
          access_token: idToken,
          id_token: idToken,
          expires_in: "3600",
          token_type: "Bearer",
          refresh_token: form.get("refresh_token"),
          user_id: account.localId,
          project_id: options.projectId,
        },
      ];
    },
  };

  async function answer(request: IncomingMessage, response: ServerResponse) {
    // The SDK calls from the app's origin: the browser asks first, as it would of Google.
    response.setHeader("access-control-allow-origin", request.headers.origin ?? "*");
    if (request.method === "OPTIONS") {
      response.setHeader("access-control-allow-methods", "POST, GET");
      response.setHeader(
        "access-control-allow-headers",
        request.headers["access-control-request-headers"] ?? "",
      );
      response.writeHead(204).end();
      return;
    }
    const url = new URL(request.url ?? "/", "http://stand-in");
    const endpoint = url.pathname.split("/").pop() ?? "";
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString();
    calls.push({
      endpoint,
      ...(endpoint === "token" ? { grantType: new URLSearchParams(body).get("grant_type") ?? "" } : {}),
    });
    const refusal = refusals.get(endpoint);
    if (refusal) {
      refusals.delete(endpoint);
      response.writeHead(refusal.status, { "content-type": refusal.contentType ?? "application/json" });
      response.end(refusal.body);
      return;
    }
    const handler = endpoints[endpoint];
    const [status, json] =
      url.searchParams.get("key") !== options.apiKey
        ? [400, googleError(400, "API key not valid. Please pass a valid API key.")]
        : handler
          ? await handler(body)
          : [404, googleError(404, "NOT_FOUND")];
    response.writeHead(status, { "content-type": "application/json; charset=UTF-8" });
    response.end(JSON.stringify(json));
  }

  const server = createServer((request, response) => {
    answer(request, response).catch((error: unknown) => {
      response.writeHead(500, { "content-type": "application/json" });
      response.end(JSON.stringify(googleError(500, String(error))));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    issued,
    setRole: (email, role) => roles.set(email, role),
    refuseNext: (endpoint, refusal) => refusals.set(endpoint, refusal),
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Google's error body: the SDK reads `error.message` for its code. */
export function googleError(code: number, message: string) {
  return { error: { code, message, errors: [{ message, domain: "global", reason: "invalid" }] } };
}

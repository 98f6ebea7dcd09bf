import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { configurationError, parseEnvironment } from "@hireloop/config";
import { readKeyFile } from "@hireloop/identity";
import { z } from "zod";

const positiveInt = z.coerce.number().int().positive();

/** The cell accepts 5 MB files in a multipart envelope (cell/src/api/app.ts); the edge allows the same. */
const DEFAULT_MAX_BODY_BYTES = 5 * 1024 * 1024 + 512 * 1024;

const configSchema = z.object({
  HL_REGION: z.string().min(1),
  HL_ROUTER_ID: z.string().min(1),
  HL_PORT: z.coerce.number().int().min(0).max(65535),
  HL_HOST: z.string().default("127.0.0.1"),
  /** Metrics and detailed health, for the platform's own probes and Prometheus; never the public port. */
  HL_ADMIN_PORT: z.coerce.number().int().min(0).max(65535),
  HL_ADMIN_HOST: z.string().default("127.0.0.1"),
  /** The region's router signing key (hex): each cell's request key is derived from it (ADR 0016). */
  HL_ROUTER_SIGNING_KEY_FILE: z.string().min(1),
  /**
   * Strict-Transport-Security for every answer, where TLS terminates in front of the router (e.g.
   * "max-age=31536000; includeSubDomains"). Empty on plain-HTTP local platforms.
   */
  HL_STRICT_TRANSPORT_SECURITY: z.string().default(""),
  /** The region's control-plane Postgres, where the placement store keeps cells and the bucket table. */
  HL_CONTROL_DATABASE_URL: z.url(),
  HL_REDIS_URL: z.url(),
  HL_AUTH_PROJECT_ID: z.string().min(1),
  HL_AUTH_JWKS_URL: z
    .string()
    .default("https://www.googleapis.com/service_accounts/v1/jwk/securetoken@system.gserviceaccount.com"),
  HL_LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** How often the cached placement table and cell list are refreshed from the control plane. */
  HL_PLACEMENT_REFRESH_MS: positiveInt.default(2_000),
  HL_CELL_HEALTH_INTERVAL_MS: positiveInt.default(1_000),
  HL_CELL_HEALTH_TIMEOUT_MS: positiveInt.default(500),
  /** Consecutive failed health checks before a cell counts as down (one success brings it back). */
  HL_CELL_HEALTH_FAILURES: positiveInt.default(2),
  HL_CELL_RETRY_AFTER_SECONDS: positiveInt.default(5),
  /** Keep-alive connections per cell; requests beyond it wait in that cell's own queue. */
  HL_CELL_CONNECTIONS: positiveInt.default(128),
  HL_CONNECT_TIMEOUT_MS: positiveInt.default(2_000),
  HL_HEADERS_TIMEOUT_MS: positiveInt.default(30_000),
  /** Longest silence inside a response body; event streams are exempt (they idle between events). */
  HL_BODY_IDLE_TIMEOUT_MS: positiveInt.default(30_000),
  HL_MAX_BODY_BYTES: positiveInt.default(DEFAULT_MAX_BODY_BYTES),
  /** Load balancers in front of the router that append to X-Forwarded-For; 0 trusts only the socket. */
  HL_TRUSTED_PROXIES: z.coerce.number().int().min(0).max(10).default(0),
  HL_RATE_LIMIT_PREFIX: z.string().min(1).default("hl:router:rate"),
  HL_RATE_LIMIT_ADDRESS_POINTS: positiveInt.default(6_000),
  HL_RATE_LIMIT_ADDRESS_WINDOW_SECONDS: positiveInt.default(60),
  HL_RATE_LIMIT_USER_POINTS: positiveInt.default(1_200),
  HL_RATE_LIMIT_USER_WINDOW_SECONDS: positiveInt.default(60),
  /**
   * Request bodies one user may send per window, in KiB: the largest upload of each kind at once
   * and more, or a hundred ordinary resumes, every ten seconds (docs/adr/0017-no-request-starves-a-cell.md).
   */
  HL_RATE_LIMIT_USER_UPLOAD_KIB: positiveInt.default(20 * 1024),
  HL_RATE_LIMIT_USER_UPLOAD_WINDOW_SECONDS: positiveInt.default(10),
  /**
   * The other regions' routers, `region=url,…`. Empty: this region is alone, everyone is home here.
   * Otherwise the router keeps the user directory and sends each user's requests to their home region.
   */
  HL_PEER_REGIONS: z.string().default(""),
  /** A file holding the secret routers of all regions share to recognise each other's hops and claims. */
  HL_PEER_SECRET_FILE: z.string().optional(),
  /** A call to another region (a claim, or a hop's response head) gives up after this long. */
  HL_PEER_TIMEOUT_MS: positiveInt.default(1_500),
  /** The region's Kafka: the directory reads this region's events and those mirrored from its peers. */
  HL_KAFKA_BROKERS: z.string().optional(),
  HL_KAFKA_TOPIC: z.string().min(1).default("hireloop.events"),
  /** The built web app (`npm run build -w @hireloop/web` writes web/dist), served at `/`. Unset: API only. */
  HL_WEB_DIR: z.string().min(1).optional(),
  /**
   * Local platforms in dev mode only: the key dev tokens are signed with. Set, the router answers
   * `POST /dev/token` for the web app's "sign in as a development user"; unset, that path does not exist.
   */
  HL_DEV_SIGNIN_KEY_FILE: z.string().min(1).optional(),
  /**
   * Everywhere else the web app signs people in with Google through Firebase Authentication: the
   * Firebase project's web API key (public by design: it names the project, it grants nothing).
   */
  HL_FIREBASE_API_KEY: z.string().min(1).optional(),
  /** The domain Firebase's sign-in pages are served from. Default `<HL_AUTH_PROJECT_ID>.firebaseapp.com`. */
  HL_FIREBASE_AUTH_DOMAIN: z.string().min(1).optional(),
  /**
   * Local platforms and tests only: an Identity Toolkit endpoint speaking Google's wire format (the
   * Firebase Auth emulator's) instead of Google's. The app then takes the Google account from a form.
   */
  HL_FIREBASE_AUTH_EMULATOR_URL: z.string().url().optional(),
});

export interface RateLimitRule {
  /** Requests allowed per window (KiB of request bodies, for the upload budget). */
  points: number;
  windowSeconds: number;
}

export interface RouterConfig {
  region: string;
  routerId: string;
  port: number;
  host: string;
  admin: { port: number; host: string };
  /** The region's router signing key: each cell's key is derived from it. */
  signingKey: Buffer;
  strictTransportSecurity: string;
  controlDatabaseUrl: string;
  redisUrl: string;
  auth: { projectId: string; jwksUrl: string };
  logLevel: string;
  placementRefreshMs: number;
  cellHealth: { intervalMs: number; timeoutMs: number; failuresToDown: number };
  proxy: {
    connectionsPerCell: number;
    connectTimeoutMs: number;
    headersTimeoutMs: number;
    bodyIdleTimeoutMs: number;
    maxBodyBytes: number;
    retryAfterSeconds: number;
    trustedProxies: number;
  };
  rateLimits: { keyPrefix: string; address: RateLimitRule; user: RateLimitRule; userUploads: RateLimitRule };
  /** Absent while the region is alone. */
  regions?: RegionsConfig;
  /** The folder of the built web app; absent: the router serves the API only. */
  webDir?: string;
  /** Absent everywhere but a local platform in dev mode. */
  devSignIn?: { privateKeyPath: string };
  /** How the web app signs people in with Google; required with `webDir` outside dev mode. */
  firebase?: FirebaseWebConfig;
}

export interface FirebaseWebConfig {
  apiKey: string;
  authDomain: string;
  /** Set: the Identity Toolkit endpoint that stands in for Google's (local platforms and tests). */
  emulatorUrl?: string;
}

export interface RegionsConfig {
  peers: { region: string; url: string }[];
  secret: string;
  timeoutMs: number;
  kafka: { brokers: string[]; topic: string };
}

/** Reads and validates the environment once at start-up; the result is injected everywhere else. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): RouterConfig {
  const e = parseEnvironment(configSchema, env, "router");
  if (e.HL_RATE_LIMIT_USER_UPLOAD_KIB * 1024 < e.HL_MAX_BODY_BYTES) {
    throw configurationError("router", [
      "HL_RATE_LIMIT_USER_UPLOAD_KIB: smaller than one body of HL_MAX_BODY_BYTES",
    ]);
  }
  const regions = regionsConfig(e);
  const web = webConfig(e);
  let signingKey: Buffer;
  try {
    signingKey = readKeyFile(e.HL_ROUTER_SIGNING_KEY_FILE);
  } catch (error) {
    throw configurationError("router", [`HL_ROUTER_SIGNING_KEY_FILE: ${(error as Error).message}`]);
  }
  return {
    region: e.HL_REGION,
    routerId: e.HL_ROUTER_ID,
    port: e.HL_PORT,
    host: e.HL_HOST,
    admin: { port: e.HL_ADMIN_PORT, host: e.HL_ADMIN_HOST },
    signingKey,
    strictTransportSecurity: e.HL_STRICT_TRANSPORT_SECURITY,
    controlDatabaseUrl: e.HL_CONTROL_DATABASE_URL,
    redisUrl: e.HL_REDIS_URL,
    auth: { projectId: e.HL_AUTH_PROJECT_ID, jwksUrl: e.HL_AUTH_JWKS_URL },
    logLevel: e.HL_LOG_LEVEL,
    placementRefreshMs: e.HL_PLACEMENT_REFRESH_MS,
    cellHealth: {
      intervalMs: e.HL_CELL_HEALTH_INTERVAL_MS,
      timeoutMs: e.HL_CELL_HEALTH_TIMEOUT_MS,
      failuresToDown: e.HL_CELL_HEALTH_FAILURES,
    },
    proxy: {
      connectionsPerCell: e.HL_CELL_CONNECTIONS,
      connectTimeoutMs: e.HL_CONNECT_TIMEOUT_MS,
      headersTimeoutMs: e.HL_HEADERS_TIMEOUT_MS,
      bodyIdleTimeoutMs: e.HL_BODY_IDLE_TIMEOUT_MS,
      maxBodyBytes: e.HL_MAX_BODY_BYTES,
      retryAfterSeconds: e.HL_CELL_RETRY_AFTER_SECONDS,
      trustedProxies: e.HL_TRUSTED_PROXIES,
    },
    rateLimits: {
      keyPrefix: e.HL_RATE_LIMIT_PREFIX,
      address: {
        points: e.HL_RATE_LIMIT_ADDRESS_POINTS,
        windowSeconds: e.HL_RATE_LIMIT_ADDRESS_WINDOW_SECONDS,
      },
      user: { points: e.HL_RATE_LIMIT_USER_POINTS, windowSeconds: e.HL_RATE_LIMIT_USER_WINDOW_SECONDS },
      userUploads: {
        points: e.HL_RATE_LIMIT_USER_UPLOAD_KIB,
        windowSeconds: e.HL_RATE_LIMIT_USER_UPLOAD_WINDOW_SECONDS,
      },
    },
    ...(regions === undefined ? {} : { regions }),
    ...web,
  };
}

/**
 * The web app's folder must hold a build and the app must have a way to sign people in: dev sign-in
 * or the Google stand-in only where the verifier trusts local keys, Firebase's API key otherwise.
 */
function webConfig(e: z.infer<typeof configSchema>): Pick<RouterConfig, "webDir" | "devSignIn" | "firebase"> {
  const problems: string[] = [];
  const localKeys = e.HL_AUTH_JWKS_URL.startsWith("file:");
  if (e.HL_WEB_DIR !== undefined && !existsSync(join(e.HL_WEB_DIR, "index.html"))) {
    problems.push(
      `HL_WEB_DIR: no index.html in ${e.HL_WEB_DIR} (build the web app: npm run build -w @hireloop/web)`,
    );
  }
  if (e.HL_DEV_SIGNIN_KEY_FILE !== undefined && !localKeys) {
    problems.push(
      "HL_DEV_SIGNIN_KEY_FILE: dev sign-in needs a verifier that trusts local keys (a file: HL_AUTH_JWKS_URL)",
    );
  }
  if (e.HL_FIREBASE_AUTH_EMULATOR_URL !== undefined && !localKeys) {
    problems.push(
      "HL_FIREBASE_AUTH_EMULATOR_URL: a stand-in for Google signs with local keys (a file: HL_AUTH_JWKS_URL)",
    );
  }
  if (e.HL_WEB_DIR !== undefined && e.HL_DEV_SIGNIN_KEY_FILE === undefined && !e.HL_FIREBASE_API_KEY) {
    problems.push(
      "HL_FIREBASE_API_KEY: the web app signs people in with Google through Firebase; set the project's web API key (or HL_DEV_SIGNIN_KEY_FILE on a local platform)",
    );
  }
  if (problems.length > 0) throw configurationError("router", problems);
  return {
    ...(e.HL_WEB_DIR === undefined ? {} : { webDir: resolve(e.HL_WEB_DIR) }),
    ...(e.HL_DEV_SIGNIN_KEY_FILE === undefined
      ? {}
      : { devSignIn: { privateKeyPath: e.HL_DEV_SIGNIN_KEY_FILE } }),
    ...(e.HL_FIREBASE_API_KEY === undefined
      ? {}
      : {
          firebase: {
            apiKey: e.HL_FIREBASE_API_KEY,
            authDomain: e.HL_FIREBASE_AUTH_DOMAIN ?? `${e.HL_AUTH_PROJECT_ID}.firebaseapp.com`,
            ...(e.HL_FIREBASE_AUTH_EMULATOR_URL === undefined
              ? {}
              : { emulatorUrl: e.HL_FIREBASE_AUTH_EMULATOR_URL.replace(/\/+$/, "") }),
          },
        }),
  };
}

function regionsConfig(e: z.infer<typeof configSchema>): RegionsConfig | undefined {
  const entries = e.HL_PEER_REGIONS.split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "");
  if (entries.length === 0) return undefined;
  const problems: string[] = [];
  const peers = entries.map((entry) => {
    const [region = "", url = ""] = entry.split("=", 2);
    if (!/^[a-z][a-z0-9-]*$/.test(region) || !URL.canParse(url)) {
      problems.push(`HL_PEER_REGIONS: "${entry}" is not region=url`);
    }
    if (region === e.HL_REGION) problems.push(`HL_PEER_REGIONS: ${region} is this router's own region`);
    return { region, url: url.replace(/\/+$/, "") };
  });
  if (new Set(peers.map((peer) => peer.region)).size !== peers.length) {
    problems.push("HL_PEER_REGIONS: a region is named twice");
  }
  let secret = "";
  if (e.HL_PEER_SECRET_FILE === undefined)
    problems.push("HL_PEER_SECRET_FILE: required with HL_PEER_REGIONS");
  else {
    try {
      secret = readFileSync(e.HL_PEER_SECRET_FILE, "utf8").trim();
    } catch (error) {
      problems.push(`HL_PEER_SECRET_FILE: ${(error as Error).message}`);
    }
    if (secret.length > 0 && secret.length < 32)
      problems.push("HL_PEER_SECRET_FILE: the secret is shorter than 32 characters");
  }
  const brokers = (e.HL_KAFKA_BROKERS ?? "").split(",").filter((broker) => broker !== "");
  if (brokers.length === 0) problems.push("HL_KAFKA_BROKERS: required with HL_PEER_REGIONS");
  if (problems.length > 0) throw configurationError("router", problems);
  return { peers, secret, timeoutMs: e.HL_PEER_TIMEOUT_MS, kafka: { brokers, topic: e.HL_KAFKA_TOPIC } };
}

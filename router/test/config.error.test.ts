import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.ts";

let secretFile: string;
let shortSecretFile: string;
let signingKeyFile: string;
let base: Record<string, string>;
beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), "hl-router-config-"));
  secretFile = join(dir, "peer-secret");
  shortSecretFile = join(dir, "short-secret");
  signingKeyFile = join(dir, "router-signing.key");
  await writeFile(secretFile, `${"a".repeat(64)}\n`);
  await writeFile(shortSecretFile, "tiny\n");
  await writeFile(signingKeyFile, `${"ab".repeat(32)}\n`);
  base = {
    HL_REGION: "us-east",
    HL_ROUTER_ID: "us-east-router-1",
    HL_PORT: "8080",
    HL_ADMIN_PORT: "9140",
    HL_ROUTER_SIGNING_KEY_FILE: signingKeyFile,
    HL_CONTROL_DATABASE_URL: "postgres://hireloop@127.0.0.1:15432/hireloop_control_us_east",
    HL_REDIS_URL: "redis://127.0.0.1:16370",
    HL_AUTH_PROJECT_ID: "hireloop-local",
  };
});

describe("router configuration of its own listeners and keys", () => {
  it("reads the signing key and keeps the admin listener on loopback unless told otherwise", () => {
    const config = loadConfig(base);
    expect(config.signingKey).toEqual(Buffer.from("ab".repeat(32), "hex"));
    expect(config.admin).toEqual({ port: 9140, host: "127.0.0.1" });
    expect(config.strictTransportSecurity).toBe("");
  });

  it("refuses to start without a usable signing key or an admin port", async () => {
    const { HL_ADMIN_PORT: _admin, ...noAdmin } = base;
    expect(() => loadConfig(noAdmin)).toThrow(/HL_ADMIN_PORT/);
    expect(() => loadConfig({ ...base, HL_ROUTER_SIGNING_KEY_FILE: join(tmpdir(), "no-such-key") })).toThrow(
      /HL_ROUTER_SIGNING_KEY_FILE: .*ENOENT/,
    );
    const weak = join(tmpdir(), `hl-weak-key-${process.pid}`);
    await writeFile(weak, "abcd\n");
    expect(() => loadConfig({ ...base, HL_ROUTER_SIGNING_KEY_FILE: weak })).toThrow(
      /does not hold a hex key of 32 bytes or more/,
    );
  });
});

describe("router configuration of its limits", () => {
  it("budgets uploads by default, and refuses a budget smaller than one largest body", () => {
    expect(loadConfig(base).rateLimits.userUploads).toEqual({ points: 20 * 1024, windowSeconds: 10 });
    expect(() =>
      loadConfig({
        ...base,
        HL_MAX_BODY_BYTES: String(8 * 1024 * 1024),
        HL_RATE_LIMIT_USER_UPLOAD_KIB: "4096",
      }),
    ).toThrow(/HL_RATE_LIMIT_USER_UPLOAD_KIB: smaller than one body of HL_MAX_BODY_BYTES/);
  });
});

describe("router configuration of peer regions", () => {
  it("is absent for a region alone, and read with its peers, secret and Kafka otherwise", () => {
    expect(loadConfig(base).regions).toBeUndefined();
    const config = loadConfig({
      ...base,
      HL_PEER_REGIONS: "eu-central=http://127.0.0.1:9080/, ap-south=http://10.0.0.9:8080",
      HL_PEER_SECRET_FILE: secretFile,
      HL_KAFKA_BROKERS: "127.0.0.1:19092",
    });
    expect(config.regions).toEqual({
      peers: [
        { region: "eu-central", url: "http://127.0.0.1:9080" },
        { region: "ap-south", url: "http://10.0.0.9:8080" },
      ],
      secret: "a".repeat(64),
      timeoutMs: 1_500,
      kafka: { brokers: ["127.0.0.1:19092"], topic: "hireloop.events" },
    });
  });

  it("names every mistake at once", () => {
    expect(() =>
      loadConfig({
        ...base,
        HL_PEER_REGIONS: "us-east=http://127.0.0.1:8080,eu-central,Bad=http://x,eu-central=http://y",
        HL_PEER_SECRET_FILE: shortSecretFile,
      }),
    ).toThrow(
      [
        "invalid router configuration:",
        "  HL_PEER_REGIONS: us-east is this router's own region",
        '  HL_PEER_REGIONS: "eu-central" is not region=url',
        '  HL_PEER_REGIONS: "Bad=http://x" is not region=url',
        "  HL_PEER_REGIONS: a region is named twice",
        "  HL_PEER_SECRET_FILE: the secret is shorter than 32 characters",
        "  HL_KAFKA_BROKERS: required with HL_PEER_REGIONS",
      ].join("\n"),
    );
    expect(() =>
      loadConfig({ ...base, HL_PEER_REGIONS: "eu-central=http://127.0.0.1:9080", HL_KAFKA_BROKERS: "k:1" }),
    ).toThrow(/HL_PEER_SECRET_FILE: required with HL_PEER_REGIONS/);
  });
});

describe("router configuration of the web app and dev sign-in", () => {
  it("serves a web app only from a folder that holds a build", async () => {
    const built = await mkdtemp(join(tmpdir(), "hl-web-"));
    await writeFile(join(built, "index.html"), "<!doctype html>");
    const signIn = { HL_FIREBASE_API_KEY: "AIzaSy-web-key" };
    expect(loadConfig({ ...base, ...signIn, HL_WEB_DIR: built }).webDir).toBe(built);
    const empty = await mkdtemp(join(tmpdir(), "hl-web-empty-"));
    expect(() => loadConfig({ ...base, ...signIn, HL_WEB_DIR: empty })).toThrow(
      /HL_WEB_DIR: no index.html in .*npm run build -w @hireloop\/web/,
    );
    expect(loadConfig(base).webDir).toBeUndefined();
  });

  it("signs dev users in only where the verifier trusts local keys", () => {
    const devKey = { HL_DEV_SIGNIN_KEY_FILE: "/keys/private.jwk.json" };
    expect(() => loadConfig({ ...base, ...devKey })).toThrow(
      /HL_DEV_SIGNIN_KEY_FILE: .*file: HL_AUTH_JWKS_URL/,
    );
    expect(() =>
      loadConfig({ ...base, ...devKey, HL_AUTH_JWKS_URL: "https://keys.example.com/jwks.json" }),
    ).toThrow(/HL_DEV_SIGNIN_KEY_FILE/);
    const local = loadConfig({ ...base, ...devKey, HL_AUTH_JWKS_URL: "file:///keys/jwks.json" });
    expect(local.devSignIn).toEqual({ privateKeyPath: "/keys/private.jwk.json" });
    expect(loadConfig(base).devSignIn).toBeUndefined();
  });

  it("signs people in with Google through Firebase everywhere else, and says what is missing", async () => {
    const built = await mkdtemp(join(tmpdir(), "hl-web-"));
    await writeFile(join(built, "index.html"), "<!doctype html>");
    expect(() => loadConfig({ ...base, HL_WEB_DIR: built })).toThrow(
      /HL_FIREBASE_API_KEY: the web app signs people in with Google/,
    );
    expect(loadConfig({ ...base, HL_WEB_DIR: built, HL_FIREBASE_API_KEY: "AIzaSy-key" }).firebase).toEqual({
      apiKey: "AIzaSy-key",
      authDomain: `${base.HL_AUTH_PROJECT_ID}.firebaseapp.com`,
    });
    const custom = { HL_FIREBASE_API_KEY: "AIzaSy-key", HL_FIREBASE_AUTH_DOMAIN: "login.hireloop.example" };
    expect(loadConfig({ ...base, ...custom }).firebase?.authDomain).toBe("login.hireloop.example");
    // A stand-in for Google's endpoints signs with local keys: never beside Google's real ones.
    const standIn = { ...custom, HL_FIREBASE_AUTH_EMULATOR_URL: "http://127.0.0.1:9099/" };
    expect(() =>
      loadConfig({ ...base, ...standIn, HL_AUTH_JWKS_URL: "https://keys.example.com/jwks.json" }),
    ).toThrow(/HL_FIREBASE_AUTH_EMULATOR_URL: .*file: HL_AUTH_JWKS_URL/);
    const local = loadConfig({ ...base, ...standIn, HL_AUTH_JWKS_URL: "file:///keys/jwks.json" });
    expect(local.firebase?.emulatorUrl).toBe("http://127.0.0.1:9099");
  });
});

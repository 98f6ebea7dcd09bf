import { describe, expect, it } from "vitest";
import { planDevToken } from "../src/token.ts";

const DEV_STATE = JSON.stringify({
  mode: "dev",
  projectId: "hireloop-local",
  keysDir: "/work/.local/dev/keys",
});

describe("npx hireloop token", () => {
  it("plans a dev token, with the operator role when asked", () => {
    expect(planDevToken({ uid: "olga", role: "operator" }, DEV_STATE)).toEqual({
      ok: true,
      plan: {
        uid: "olga",
        projectId: "hireloop-local",
        privateKeyPath: "/work/.local/dev/keys/private.jwk.json",
        role: "operator",
      },
    });
    expect(planDevToken({ uid: "alice" }, DEV_STATE)).toMatchObject({ ok: true, plan: { uid: "alice" } });
  });

  it("refuses an unknown role, a platform not in dev mode and a missing platform", () => {
    expect(planDevToken({ uid: "olga", role: "admin" }, DEV_STATE)).toMatchObject({
      ok: false,
      exitCode: 2,
      message: "--role must be one of: operator",
    });
    expect(planDevToken({ uid: "olga" }, JSON.stringify({ mode: "test" }))).toMatchObject({
      ok: false,
      message: expect.stringContaining("dev mode"),
    });
    expect(planDevToken({ uid: "olga" }, undefined)).toMatchObject({ ok: false, exitCode: 2 });
  });
});

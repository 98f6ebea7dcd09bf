import { describe, expect, it } from "vitest";
import { useTestCell } from "../support/cell.ts";
import { newResume } from "../support/requests.ts";

const cell = useTestCell({ worker: false });

describe("GET /v1/resumes", () => {
  it("pages newest first with a cursor, and shows each user only their own", async () => {
    const lena = cell.as("lena-list");
    const made = [];
    for (const name of ["Ada One", "Ben Two", "Cy Three"]) made.push(await newResume(lena, name));

    const first = await (await lena("/v1/resumes?limit=2")).json();
    expect(first.resumes.map((r: { name: string }) => r.name)).toEqual(["Cy Three", "Ben Two"]);
    expect(first.resumes[0]).toMatchObject({ id: made[2].id, kind: "text", version: 1 });
    expect(first.nextCursor).toEqual(expect.any(String));

    // A resume added between pages neither repeats nor shifts the next page.
    await newResume(lena, "Dee Four");
    const second = await (await lena(`/v1/resumes?limit=2&cursor=${first.nextCursor}`)).json();
    expect(second.resumes.map((r: { name: string }) => r.name)).toEqual(["Ada One"]);
    expect(second.nextCursor).toBeNull();

    expect((await (await cell.as("lena-other")("/v1/resumes")).json()).resumes).toEqual([]);
  });
});

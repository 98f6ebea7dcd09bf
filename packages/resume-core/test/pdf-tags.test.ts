import { describe, expect, it } from "vitest";
import { listItemsOf } from "../src/pdf-tags.ts";

const content = (id: string) => ({ type: "content", id });

describe("listItemsOf", () => {
  it("gives each marked content its list item, and whether it is the item's label", () => {
    const tree = {
      role: "Root",
      children: [
        { role: "P", children: [content("p0")] },
        {
          role: "L",
          children: [
            {
              role: "LI",
              children: [{ role: "Lbl", children: [content("b1")] }, content("t1"), content("t1b")],
            },
            { role: "LI", children: [{ role: "LBody", children: [content("t2")] }] },
          ],
        },
      ],
    };
    const places = listItemsOf(tree);
    expect(places.get("p0")).toBeUndefined();
    expect(places.get("b1")).toEqual({ listItem: 0, inLabel: true });
    expect(places.get("t1")).toEqual({ listItem: 0, inLabel: false });
    expect(places.get("t1b")).toEqual({ listItem: 0, inLabel: false });
    expect(places.get("t2")).toEqual({ listItem: 1, inLabel: false });
  });

  it("reads an untagged page as no list items, and a tree deeper than the stack without overflow", () => {
    expect(listItemsOf(null).size).toBe(0);
    let deep: { role: string; children: unknown[] } = { role: "LI", children: [content("leaf")] };
    for (let depth = 0; depth < 200_000; depth++) deep = { role: "Div", children: [deep] };
    expect(listItemsOf(deep as never).get("leaf")).toEqual({ listItem: 0, inLabel: false });
  });
});

import { describe, expect, it } from "vitest";
import { renderTemplate } from "../../src/local/template.ts";

describe("renderTemplate", () => {
  it("fills every placeholder, as often as it appears", () => {
    expect(renderTemplate("a={{x}} b={{y}} c={{x}}", { x: "1", y: "2" })).toBe("a=1 b=2 c=1");
  });

  it("refuses a placeholder without a value", () => {
    expect(() => renderTemplate("port {{port}}", {})).toThrow("{{port}} has no value");
  });

  it("refuses a value that no placeholder uses", () => {
    expect(() => renderTemplate("port {{port}}", { port: "1", dir: "/x" })).toThrow("no placeholder for dir");
  });
});

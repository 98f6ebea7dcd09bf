import { describe, expect, it } from "vitest";
import { toWinAnsi } from "../src/render/winansi.ts";

describe("toWinAnsi", () => {
  it("keeps Latin-1 accents and Windows-1252 punctuation as they are", () => {
    const text = "Renée Dubois – Tomás Hernández • Zoë Müller “quoted” 12 °C €5 Œuvre";
    expect(toWinAnsi(text)).toBe(text);
  });

  it("drops accents WinAnsi lacks, keeping one it has, and replaces letters without a decomposition", () => {
    expect(toWinAnsi("Łukasz Wróbel, Nguyễn Thị, Đorđe, Ștefan, Dvořák")).toBe(
      "Lukasz Wróbel, Nguyên Thi, Dorde, Stefan, Dvorák",
    );
  });

  it("transliterates Greek and Cyrillic names", () => {
    expect(toWinAnsi("Иван Петров")).toBe("Ivan Petrov");
    expect(toWinAnsi("Γιώργος")).toBe("Giorgos");
  });

  it("marks what it cannot represent instead of emitting a wrong glyph", () => {
    expect(toWinAnsi("王伟 → lead")).toBe("?? -> lead");
  });
});

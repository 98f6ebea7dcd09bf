import { describe, expect, it } from "vitest";
import { isLocation, splitTrailingLocation } from "../src/places.ts";

describe("splitTrailingLocation", () => {
  it("splits a city with its region or country off the employer", () => {
    expect(splitTrailingLocation("Acme Corp, Austin, TX")).toEqual({
      rest: "Acme Corp",
      location: "Austin, TX",
    });
    expect(splitTrailingLocation("Globex, Toronto, ON, Canada")).toEqual({
      rest: "Globex",
      location: "Toronto, ON, Canada",
    });
  });

  it("reads a city named like its state as the city, not as a region before a country", () => {
    expect(splitTrailingLocation("Harrow Whitcombe LLP, New York, NY")).toEqual({
      rest: "Harrow Whitcombe LLP",
      location: "New York, NY",
    });
  });

  it("splits a known city written alone, and keeps how the role was worked with the place", () => {
    expect(splitTrailingLocation("Voyagélia, Lyon", { bareCity: true })).toEqual({
      rest: "Voyagélia",
      location: "Lyon",
    });
    expect(splitTrailingLocation("Hospital Universitario, Madrid", { bareCity: true })).toEqual({
      rest: "Hospital Universitario",
      location: "Madrid",
    });
    expect(splitTrailingLocation("Tallyhawk, Austin, TX (remote)")).toEqual({
      rest: "Tallyhawk",
      location: "Austin, TX (remote)",
    });
  });

  it("takes a known city with a region it does not list, but not a company's legal form", () => {
    expect(splitTrailingLocation("Suministros del Bajío, Guadalajara, Jalisco", { bareCity: true })).toEqual({
      rest: "Suministros del Bajío",
      location: "Guadalajara, Jalisco",
    });
    expect(splitTrailingLocation("Phoenix, Inc.", { bareCity: true })).toEqual({ rest: "Phoenix, Inc." });
  });

  it("knows a city as its own people write it, with or without its accents", () => {
    for (const [line, city] of [
      ["Lindenhof Armaturen GmbH, Köln", "Köln"],
      ["Bäckerei Sonnleitner, München", "München"],
      ["Agencia Norte, Malaga", "Malaga"],
      ["Clínica Andina, Bogotá", "Bogotá"],
      ["Redes Tapatías, Zapopan, Jalisco", "Zapopan, Jalisco"],
    ]) {
      expect(splitTrailingLocation(line ?? "", { bareCity: true }).location).toBe(city);
    }
    expect(splitTrailingLocation("Kölner Stahl, Müllerstraße", { bareCity: true }).location).toBeUndefined();
  });

  it("leaves a title's qualifier and a two-part employer whole", () => {
    expect(splitTrailingLocation("Charge Nurse, Emergency Department")).toEqual({
      rest: "Charge Nurse, Emergency Department",
    });
    expect(splitTrailingLocation("Eastfield High School, Mission Oaks ISD")).toEqual({
      rest: "Eastfield High School, Mission Oaks ISD",
    });
    expect(splitTrailingLocation("Lyon", { bareCity: true })).toEqual({ rest: "Lyon" });
    expect(splitTrailingLocation("University of California, Berkeley")).toEqual({
      rest: "University of California, Berkeley",
    });
  });
});

describe("isLocation", () => {
  it("takes a city with its region, not a bare city (a name or an employer may be one word)", () => {
    expect(isLocation("Berlin, Germany")).toBe(true);
    expect(isLocation("Remote")).toBe(true);
    expect(isLocation("Lyon")).toBe(false);
  });
});

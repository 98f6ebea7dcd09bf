import type { SkillDefinition } from "./types.ts";

/** Skilled trades: welding, electrical, plumbing and pipefitting, site safety credentials. */
export const tradesSkills: SkillDefinition[] = [
  { name: "OSHA 10", aliases: ["OSHA 10-Hour", "OSHA-10", "OSHA 10 card"] },
  { name: "OSHA 30", aliases: ["OSHA 30-Hour", "OSHA-30", "OSHA 30 card"] },
  { name: "GTAW", aliases: ["Gas Tungsten Arc Welding", "TIG Welding"], exact: ["TIG"] },
  { name: "SMAW", aliases: ["Shielded Metal Arc Welding", "Stick Welding"] },
  { name: "GMAW", aliases: ["Gas Metal Arc Welding", "MIG Welding"], exact: ["MIG"] },
  { name: "FCAW", aliases: ["Flux-Cored Arc Welding", "Flux Cored Arc Welding", "Flux-Core Welding"] },
  { name: "AWS D1.1", aliases: ["AWS D1.1 Structural Welding Code", "D1.1"] },
  { name: "Pipe Welding" },
  { name: "Weld Symbols", aliases: ["Welding Symbols"] },
  { name: "Isometric Drawings", aliases: ["Isometrics", "Piping Isometrics"] },
  { name: "NEC", aliases: ["National Electrical Code"] },
  { name: "NFPA 70E" },
  { name: "Conduit Bending", aliases: ["Bending Conduit"] },
  { name: "Motor Controls", aliases: ["Motor Control"] },
  { name: "VFD", aliases: ["VFDs", "Variable Frequency Drive", "Variable Frequency Drives"] },
  { name: "Journeyman License", aliases: ["Journeyman Electrician License", "Journeyman Card"] },
  { name: "EPA 608 Certification", aliases: ["EPA 608", "EPA Section 608"] },
  { name: "Brazing" },
  { name: "Backflow Testing", aliases: ["Backflow Prevention"] },
  { name: "Aerial Lift Certification", aliases: ["Aerial Lift", "Boom Lift"] },
  { name: "NCCER", aliases: ["NCCER Certification", "NCCER Credentials"] },
  { name: "TWIC", aliases: ["TWIC Card"] },
  { name: "Framing", exact: ["Framing"] },
  { name: "Finish Carpentry", aliases: ["Trim Carpentry"] },
];

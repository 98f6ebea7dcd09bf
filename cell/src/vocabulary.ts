/** The closed sets of words the cell's API, database, workflows and shared-service calls share. */

/** The caller's plan: it decides which language models may work for them (see shared-services/ai.ts). */
export const TIERS = ["free", "premium"] as const;
export type Tiered = (typeof TIERS)[number];

/** How hard a roast hits. */
export const ROAST_STYLES = ["gentle", "honest", "savage"] as const;
export type RoastStyleName = (typeof ROAST_STYLES)[number];

/** Who writes a roast: the model with the rules as fallback, the rules alone, or the model alone. */
export const ROAST_MODES = ["auto", "rules", "model"] as const;
export type RoastModeName = (typeof ROAST_MODES)[number];

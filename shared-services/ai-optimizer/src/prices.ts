import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import type { ModelProviderConfig } from "./config.ts";

const DEFAULT_CATALOG = fileURLToPath(new URL("../price-catalog.json", import.meta.url));

const priceSchema = z.object({
  inputUsdPerMillion: z.number().min(0),
  outputUsdPerMillion: z.number().min(0),
  quality: z.number().int().min(0).max(10),
});
const catalogSchema = z.object({ models: z.record(z.string(), priceSchema) });

/** USD per million tokens is micro-USD per token, so costs stay in integers of micro-USD. */
export type ModelPrice = z.infer<typeof priceSchema>;

export interface PriceCatalog {
  priceOf(provider: Pick<ModelProviderConfig, "kind" | "model">): ModelPrice;
  /** Micro-USD for one call, rounded up so that many small calls never add up to free. */
  costMicroUsd(price: ModelPrice, inputTokens: number, outputTokens: number): number;
}

export function loadPriceCatalog(path = DEFAULT_CATALOG): PriceCatalog {
  const catalog = catalogSchema.parse(JSON.parse(readFileSync(path, "utf8")));
  return {
    priceOf({ kind, model }) {
      const price = catalog.models[`${kind}/${model}`] ?? catalog.models[`${kind}/*`];
      // Unpriced models would spend money no budget sees: refuse them at start-up instead.
      if (!price) throw new Error(`the price catalog ${path} has no price for ${kind}/${model}`);
      return price;
    },
    costMicroUsd(price, inputTokens, outputTokens) {
      return Math.ceil(inputTokens * price.inputUsdPerMillion + outputTokens * price.outputUsdPerMillion);
    },
  };
}

import type { ModelProviderConfig } from "../config.ts";
import { createAnthropicProvider } from "./anthropic.ts";
import { createOpenAiProvider } from "./openai.ts";
import type { ModelProvider } from "./types.ts";

export function createModelProvider(config: ModelProviderConfig): ModelProvider {
  return config.kind === "anthropic" ? createAnthropicProvider(config) : createOpenAiProvider(config);
}

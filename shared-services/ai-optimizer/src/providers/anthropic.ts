import Anthropic from "@anthropic-ai/sdk";
import type { ModelProviderConfig } from "../config.ts";
import { mapSdkError } from "./sdk-errors.ts";
import {
  type Completion,
  type CompletionRequest,
  type ModelProvider,
  ProviderError,
  withTimeout,
} from "./types.ts";

/** Anthropic's messages API. The SDK's own retries are off: the router decides what happens after a failure. */
export function createAnthropicProvider(config: ModelProviderConfig): ModelProvider {
  const client = new Anthropic({ apiKey: config.apiKey, baseURL: config.baseUrl, maxRetries: 0 });
  return {
    config,
    async complete(request: CompletionRequest): Promise<Completion> {
      const deadline = withTimeout(request.signal, config.timeoutMs);
      try {
        const response = await client.messages.create(
          {
            model: config.model,
            system: request.system,
            messages: [{ role: "user", content: request.user }],
            max_tokens: request.maxOutputTokens,
          },
          { signal: deadline.signal, timeout: config.timeoutMs },
        );
        const text = response.content
          .map((block) => (block.type === "text" ? block.text : ""))
          .join("")
          .trim();
        if (text === "") {
          throw new ProviderError("malformed_output", `${config.name}: the answer has no text`);
        }
        return {
          text,
          inputTokens: response.usage.input_tokens,
          outputTokens: response.usage.output_tokens,
        };
      } catch (error) {
        if (error instanceof ProviderError) throw error;
        throw mapSdkError(config.name, error, Anthropic, {
          caller: request.signal,
          timedOut: deadline.timedOut,
        });
      }
    },
  };
}

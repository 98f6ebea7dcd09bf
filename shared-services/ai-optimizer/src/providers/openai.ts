import OpenAI from "openai";
import type { ModelProviderConfig } from "../config.ts";
import { mapSdkError } from "./sdk-errors.ts";
import {
  type Completion,
  type CompletionRequest,
  type ModelProvider,
  ProviderError,
  withTimeout,
} from "./types.ts";

/**
 * OpenAI, and any server speaking its chat-completions wire format (vLLM, llama.cpp, Ollama) at
 * another base URL. The SDK's own retries are off: the router decides what happens after a failure.
 */
export function createOpenAiProvider(config: ModelProviderConfig): ModelProvider {
  const client = new OpenAI({ apiKey: config.apiKey, baseURL: config.baseUrl, maxRetries: 0 });
  return {
    config,
    async complete(request: CompletionRequest): Promise<Completion> {
      const deadline = withTimeout(request.signal, config.timeoutMs);
      try {
        const response = await client.chat.completions.create(
          {
            model: config.model,
            messages: [
              { role: "system", content: request.system },
              { role: "user", content: request.user },
            ],
            response_format: { type: "json_object" },
            max_tokens: request.maxOutputTokens,
            temperature: 0,
          },
          { signal: deadline.signal, timeout: config.timeoutMs },
        );
        const text = response.choices[0]?.message.content;
        if (typeof text !== "string") {
          throw new ProviderError("malformed_output", `${config.name}: the answer has no message content`);
        }
        return {
          text,
          inputTokens: response.usage?.prompt_tokens ?? 0,
          outputTokens: response.usage?.completion_tokens ?? 0,
        };
      } catch (error) {
        if (error instanceof ProviderError) throw error;
        throw mapSdkError(config.name, error, OpenAI, {
          caller: request.signal,
          timedOut: deadline.timedOut,
        });
      }
    },
  };
}

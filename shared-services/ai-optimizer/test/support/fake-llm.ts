import { createServer, type IncomingMessage, type ServerResponse } from "node:http";

/** What a fake model server answers to one request. */
export type Reply =
  | { kind: "answer"; content: string; inputTokens?: number; outputTokens?: number }
  | { kind: "status"; status: number; retryAfterSeconds?: number }
  | { kind: "hang" };

export interface ReceivedRequest {
  path: string;
  /** The body exactly as it arrived on the wire. */
  raw: string;
  body: Record<string, unknown>;
  /** The user message the service sent: the redacted operation input as JSON (plus any retry note). */
  userMessage: string;
  /** The user message's JSON part, parsed. */
  input: Record<string, unknown>;
}

export type Responder = (request: ReceivedRequest) => Reply;

export type WireFormat = "openai" | "anthropic";

/**
 * A local HTTP server speaking OpenAI's chat-completions or Anthropic's messages wire format,
 * answering from a script: each request takes the next scripted responder (the last one repeats).
 */
export async function startFakeLlm(format: WireFormat) {
  const received: ReceivedRequest[] = [];
  let script: Responder[] = [];
  const server = createServer((req, res) => {
    readBody(req).then((raw) => {
      const expectedPath = format === "openai" ? "/v1/chat/completions" : "/v1/messages";
      if (req.method !== "POST" || req.url !== expectedPath) {
        res.writeHead(404, { "content-type": "application/json" });
        res.end(JSON.stringify({ error: { message: `no route ${req.method} ${req.url}` } }));
        return;
      }
      const body = JSON.parse(raw) as Record<string, unknown>;
      const userMessage = userMessageOf(format, body);
      const request: ReceivedRequest = {
        path: req.url,
        raw,
        body,
        userMessage,
        input: JSON.parse(userMessage.split("\n\nYour previous answer")[0] ?? "{}"),
      };
      received.push(request);
      const responder = script.length > 1 ? script.shift() : script[0];
      const reply: Reply = responder ? responder(request) : { kind: "status", status: 500 };
      send(format, String(body.model), reply, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    /** The base URL to configure: OpenAI-style clients add /chat/completions, Anthropic's /v1/messages. */
    baseUrl: format === "openai" ? `http://127.0.0.1:${port}/v1` : `http://127.0.0.1:${port}`,
    received,
    /** Replaces the script: responders are used in order, the last one for every later request. */
    script(...responders: Responder[]) {
      script = responders;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export type FakeLlm = Awaited<ReturnType<typeof startFakeLlm>>;

function userMessageOf(format: WireFormat, body: Record<string, unknown>): string {
  const messages = body.messages as { role: string; content: string }[];
  const user = messages.find((message) => message.role === "user");
  if (!user || typeof user.content !== "string") throw new Error(`${format}: no user message`);
  return user.content;
}

function send(format: WireFormat, model: string, reply: Reply, res: ServerResponse): void {
  if (reply.kind === "hang") return;
  if (reply.kind === "status") {
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (reply.retryAfterSeconds !== undefined) headers["retry-after"] = String(reply.retryAfterSeconds);
    res.writeHead(reply.status, headers);
    const type = reply.status === 429 ? "rate_limit_error" : "api_error";
    res.end(
      JSON.stringify(
        format === "openai"
          ? { error: { message: `scripted ${reply.status}`, type, code: null } }
          : { type: "error", error: { type, message: `scripted ${reply.status}` } },
      ),
    );
    return;
  }
  const inputTokens = reply.inputTokens ?? 1_000;
  const outputTokens = reply.outputTokens ?? 500;
  const payload =
    format === "openai"
      ? {
          id: "chatcmpl-fake",
          object: "chat.completion",
          created: Math.floor(Date.now() / 1000),
          model,
          choices: [
            {
              index: 0,
              message: { role: "assistant", content: reply.content },
              finish_reason: "stop",
              logprobs: null,
            },
          ],
          usage: {
            prompt_tokens: inputTokens,
            completion_tokens: outputTokens,
            total_tokens: inputTokens + outputTokens,
          },
        }
      : {
          id: "msg_fake",
          type: "message",
          role: "assistant",
          model,
          content: [{ type: "text", text: reply.content }],
          stop_reason: "end_turn",
          stop_sequence: null,
          usage: { input_tokens: inputTokens, output_tokens: outputTokens },
        };
  res.writeHead(200, { "content-type": "application/json" });
  res.end(JSON.stringify(payload));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/** Replies with the given JSON as the model's answer. */
export const answer =
  (
    build: (request: ReceivedRequest) => unknown,
    tokens?: { inputTokens: number; outputTokens: number },
  ): Responder =>
  (request) => ({ kind: "answer", content: JSON.stringify(build(request)), ...tokens });
export const status =
  (code: number, retryAfterSeconds?: number): Responder =>
  () => ({ kind: "status", status: code, ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }) });
export const hang: Responder = () => ({ kind: "hang" });
export const text =
  (content: string): Responder =>
  () => ({ kind: "answer", content });

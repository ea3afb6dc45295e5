/**
 * A stand-in for a model API, so a real agent client can run a prompt offline and a test can read
 * exactly what the client sent the model (system prompt, tools, messages).
 *
 * Contract:
 * - Listens on 127.0.0.1 on a free port (`url` is `http://127.0.0.1:<port>`, no trailing slash).
 * - Records every request, in arrival order, in `requests` as {method, path (with query), body};
 *   `body` is the parsed JSON, or the raw text when it is not JSON. Tests may empty the array.
 * - POST …/v1/messages (Anthropic Messages): with `stream: true`, an SSE stream of message_start,
 *   content_block_start, content_block_delta (text_delta), content_block_stop, message_delta
 *   (stop_reason end_turn), message_stop; otherwise the same message as one JSON object.
 *   POST …/v1/messages/count_tokens answers `{"input_tokens":1}`.
 * - POST …/responses (OpenAI Responses): an SSE stream of response.created,
 *   response.output_item.done (an assistant `message` with one `output_text`), response.completed.
 * - Anything else: 404 with a JSON error body (still recorded).
 * The answer text is always ANSWER, so a test can check that the client printed it.
 *
 * The client must run with `runClient` (asynchronous): the harness's `run` uses spawnSync, which
 * blocks this process's event loop, so the mock could never answer.
 */
import { spawn } from "node:child_process";
import { createServer } from "node:http";
import type { ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export const ANSWER = "Mock answer.";

export type Recorded = { method: string; path: string; body: unknown };

export type MockLlm = { url: string; requests: Recorded[]; close(): Promise<void> };

type Event = { type: string; [key: string]: unknown };

function sse(res: ServerResponse, events: Event[]): void {
  res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
  for (const e of events) res.write(`event: ${e.type}\ndata: ${JSON.stringify(e)}\n\n`);
  res.end();
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

/** An Anthropic Messages answer (https://docs.anthropic.com/en/api/messages-streaming). */
function anthropic(res: ServerResponse, body: { model?: string; stream?: boolean }): void {
  const usage = { input_tokens: 1, output_tokens: 1, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 };
  const message = { id: "msg_mock", type: "message", role: "assistant", model: body.model ?? "mock", stop_sequence: null };
  if (!body.stream) return json(res, 200, { ...message, content: [{ type: "text", text: ANSWER }], stop_reason: "end_turn", usage });
  sse(res, [
    { type: "message_start", message: { ...message, content: [], stop_reason: null, usage } },
    { type: "content_block_start", index: 0, content_block: { type: "text", text: "" } },
    { type: "content_block_delta", index: 0, delta: { type: "text_delta", text: ANSWER } },
    { type: "content_block_stop", index: 0 },
    { type: "message_delta", delta: { stop_reason: "end_turn", stop_sequence: null }, usage: { output_tokens: 1 } },
    { type: "message_stop" },
  ]);
}

/** An OpenAI Responses answer, the events Codex needs (as in openai/codex sdk/typescript/tests/responsesProxy.ts). */
function responses(res: ServerResponse): void {
  const usage = { input_tokens: 1, input_tokens_details: null, output_tokens: 1, output_tokens_details: null, total_tokens: 2 };
  sse(res, [
    { type: "response.created", response: { id: "resp_mock" } },
    {
      type: "response.output_item.done",
      output_index: 0,
      item: { type: "message", role: "assistant", id: "msg_mock", content: [{ type: "output_text", text: ANSWER }] },
    },
    { type: "response.completed", response: { id: "resp_mock", usage } },
  ]);
}

export async function startMockLlm(): Promise<MockLlm> {
  const requests: Recorded[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      let body: unknown = text;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        // not JSON: keep the raw text
      }
      const path = req.url ?? "/";
      const route = path.replace(/\?.*/, "");
      requests.push({ method: req.method ?? "", path, body });
      if (req.method !== "POST") json(res, 404, { error: { type: "not_found_error", message: "not mocked" } });
      else if (route.endsWith("/v1/messages/count_tokens")) json(res, 200, { input_tokens: 1 });
      else if (route.endsWith("/v1/messages")) anthropic(res, (body ?? {}) as { model?: string; stream?: boolean });
      else if (route.endsWith("/responses")) responses(res);
      else json(res, 404, { error: { type: "not_found_error", message: "not mocked" } });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Keys that hold what the model reads, in Messages (system, messages, content, text) and Responses (instructions, input). */
const PROMPT_KEYS = ["system", "messages", "instructions", "input", "content", "text"];

/**
 * The text the model reads in a request body: every string under PROMPT_KEYS (not `type`, `role`,
 * tool schemas or metadata), joined with newlines, in request order.
 */
export function promptText(value: unknown): string {
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return value.map(promptText).filter(Boolean).join("\n");
  if (value && typeof value === "object") {
    const fields = Object.entries(value).filter(([k]) => PROMPT_KEYS.includes(k));
    return fields.map(([, v]) => promptText(v)).filter(Boolean).join("\n");
  }
  return "";
}

/** Run a client to completion without blocking the mock; killed after `timeoutMs`. stdin is /dev/null. */
export function runClient(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv, timeoutMs = 30_000) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"], timeout: timeoutMs, killSignal: "SIGKILL" });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString("utf8")));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString("utf8")));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

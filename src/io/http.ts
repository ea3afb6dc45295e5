/**
 * HTTP GET with a deadline and a size cap, over Node's global fetch. Never throws for what the
 * network does (refused, reset, timed out, an error status, a body too large): the caller gets
 * a result to turn into a diagnostic. Only http: and https: URLs are fetched.
 */

export interface HttpGetOptions {
  /** Whole request, body included. Default 30 s. */
  timeoutMs?: number;
  /** The most body bytes read; a larger answer is a failure. Default 100 MiB. */
  maxBytes?: number;
  headers?: Record<string, string>;
}

export type HttpResult =
  | { ok: true; status: number; bytes: Uint8Array }
  /**
   * `status` is set when the server answered with an error status; `reason` says what went wrong
   * in a few words ("HTTP 500 Internal Server Error", "timed out after 30 s").
   */
  | { ok: false; status?: number; reason: string };

export const DEFAULT_HTTP_TIMEOUT_MS = 30_000;
export const DEFAULT_HTTP_MAX_BYTES = 100 * 1024 * 1024;

export async function httpGet(url: string, opts: HttpGetOptions = {}): Promise<HttpResult> {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_HTTP_TIMEOUT_MS;
  const maxBytes = opts.maxBytes ?? DEFAULT_HTTP_MAX_BYTES;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, reason: "not a valid URL" };
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return { ok: false, reason: `${parsed.protocol} URLs are not fetched (only http: and https:)` };

  const signal = AbortSignal.timeout(timeoutMs);
  let res: Response;
  try {
    res = await fetch(parsed, { headers: { "user-agent": "packs", ...opts.headers }, signal, redirect: "follow" });
  } catch (e) {
    return { ok: false, reason: failure(e, timeoutMs) };
  }
  if (!res.ok) {
    await res.body?.cancel().catch(() => undefined);
    return { ok: false, status: res.status, reason: `HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ""}` };
  }
  const declared = Number(res.headers.get("content-length") ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    await res.body?.cancel().catch(() => undefined);
    return { ok: false, reason: tooLarge(maxBytes) };
  }
  try {
    const bytes = await readCapped(res, maxBytes);
    return bytes ? { ok: true, status: res.status, bytes } : { ok: false, reason: tooLarge(maxBytes) };
  } catch (e) {
    return { ok: false, reason: failure(e, timeoutMs) };
  }
}

async function readCapped(res: Response, maxBytes: number): Promise<Uint8Array | undefined> {
  if (!res.body) return new Uint8Array(0);
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

function tooLarge(maxBytes: number): string {
  return `the answer is larger than ${formatBytes(maxBytes)}, the most packs downloads`;
}

function failure(e: unknown, timeoutMs: number): string {
  const err = e as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (err?.name === "TimeoutError" || err?.name === "AbortError") return `timed out after ${formatSeconds(timeoutMs)}`;
  const cause = err?.cause;
  if (cause?.code) return `${cause.code}${cause.message && !cause.message.includes(cause.code) ? ` (${cause.message})` : ""}`;
  return cause?.message ?? err?.message ?? String(e);
}

function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024 && n % (1024 * 1024) === 0) return `${n / 1024 / 1024} MiB`;
  if (n >= 1024 && n % 1024 === 0) return `${n / 1024} KiB`;
  return `${n} bytes`;
}

/**
 * A literal secret in a committed file is a warning at plan time (DESIGN §2): an MCP env value
 * or header that looks like a credential and is not an env reference. The value is never
 * printed. Heuristic by design: well-known token shapes, or a secret-sounding name with a value.
 */
import type { Diagnostic } from "./diagnostics.js";
import { envRefNames } from "./env-ref.js";
import type { Selection } from "./select-components.js";

const TOKEN_SHAPES = [
  /^gh[pousr]_[A-Za-z0-9]{20,}$/, // GitHub
  /^github_pat_[A-Za-z0-9_]{20,}$/,
  /^glpat-[A-Za-z0-9_-]{20,}$/, // GitLab
  /^sk-[A-Za-z0-9_-]{20,}$/, // OpenAI-style
  /^xox[abprs]-[A-Za-z0-9-]{10,}$/, // Slack
  /^AKIA[0-9A-Z]{16}$/, // AWS access key id
  /^AIza[0-9A-Za-z_-]{35}$/, // Google API key
];
const SECRET_NAME = /token|secret|passw(or)?d|api[_-]?key|private[_-]?key|credential|authorization/i;

export function looksLikeLiteralSecret(name: string, value: string): boolean {
  if (envRefNames(value).length > 0) return false;
  const v = value.replace(/^(Bearer|Basic|token)\s+/i, "").trim();
  if (TOKEN_SHAPES.some((r) => r.test(v))) return true;
  if (looksRandom(v)) return true;
  return SECRET_NAME.test(name) && v.length >= 8;
}

/**
 * A high-entropy string: 20+ characters of one token (base64 / base64url / hex alphabet), upper
 * and lower case letters and digits mixed, at least 4 bits of entropy per character. Words,
 * paths, URLs, versions and UUIDs (lower case and digits only) do not qualify.
 */
export function looksRandom(v: string): boolean {
  if (v.length < 20 || !/^[A-Za-z0-9+/=_-]+$/.test(v)) return false;
  if (!/[a-z]/.test(v) || !/[A-Z]/.test(v) || !/[0-9]/.test(v)) return false;
  const counts = new Map<string, number>();
  for (const c of v) counts.set(c, (counts.get(c) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) bits -= (n / v.length) * Math.log2(n / v.length);
  return bits >= 4;
}

/**
 * An env reference as an agent file writes it: opencode `{env:NAME}` (the `${…}` forms are packs'
 * own); Codex names the variable under a key ending in `env_var` / `env_vars`.
 */
const AGENT_ENV_REF = /\{env:[A-Za-z_][A-Za-z0-9_]*\}/;

/**
 * Whether a JSON value (an MCP entry as an agent file holds it) contains a literal secret: a
 * string that looks like one under its own key, anywhere inside. Such a value is not copied into
 * packs' own files (sidecars), which are committed.
 */
export function holdsLiteralSecret(value: unknown, key = ""): boolean {
  if (typeof value === "string") return !AGENT_ENV_REF.test(value) && !/env_vars?$/.test(key) && looksLikeLiteralSecret(key, value);
  if (Array.isArray(value)) return value.some((v) => holdsLiteralSecret(v, key));
  if (typeof value === "object" && value !== null) return Object.entries(value).some(([k, v]) => holdsLiteralSecret(v, k));
  return false;
}

/** The key a value at `path` sits under, for the name rules of holdsLiteralSecret: the last segment that is not an array index. */
export function keyOf(path: readonly string[]): string {
  return path.findLast((seg) => !/^\d+$/.test(seg)) ?? "";
}

/** What a view shows in place of a literal secret. */
export const REDACTED_SECRET = "‹literal secret, not shown›";

/**
 * The value with every literal secret in it (by the rules of holdsLiteralSecret) replaced by
 * REDACTED_SECRET, for views: a plan printed to a terminal or a CI log never shows one. `key`
 * is the name the value sits under, when it is a field of an entry.
 */
export function redactLiteralSecrets(value: unknown, key = ""): unknown {
  if (typeof value === "string") return holdsLiteralSecret(value, key) ? REDACTED_SECRET : value;
  if (Array.isArray(value)) return value.map((v) => redactLiteralSecrets(v, key));
  if (typeof value === "object" && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactLiteralSecrets(v, k)]));
  return value;
}

export function literalSecretWarnings(sel: Selection): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const m of sel.mcp) {
    for (const [field, map] of [["env", m.env], ["headers", m.headers]] as const) {
      for (const [name, value] of Object.entries(map ?? {})) {
        if (!looksLikeLiteralSecret(name, value)) continue;
        out.push({
          code: "secrets/literal",
          severity: "warning",
          summary: `MCP server "${m.name}" of pack "${sel.key}" has what looks like a literal secret in ${field}.${name} (value not shown)`,
          location: sel.location,
          hint: `Write it as "\${env:${name.replace(/[^A-Za-z0-9_]/g, "_").toUpperCase()}}" and set that variable in each user's environment; committed files must not hold secrets.`,
        });
      }
    }
  }
  return out;
}

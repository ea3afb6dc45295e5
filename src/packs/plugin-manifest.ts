/**
 * `plugin.json` → the fields packs uses, each checked for its type. One reader serves both
 * plugin formats: an APM plugin bundle's `plugin.json` is a Claude Code plugin manifest (APM
 * writes the same metadata fields, and drops the component path keys).
 *
 * Fields (Claude Code plugins reference, "Plugin manifest schema"): `name` (required), `version`,
 * `description`, `author` (a string, or `{name, email, url}`), `homepage`, `repository`,
 * `license`, `keywords`; component paths `skills`, `mcpServers` (read) and `commands`, `agents`,
 * `hooks`, `outputStyles`, `lspServers`, `monitors`, `userConfig`, `channels` (Claude-only, skipped
 * by plugin-components.ts). Any other key is reported and ignored, as `claude plugin validate` does.
 */
import type { JsonObject, JsonValue } from "../core/json.js";
import { isJsonObject } from "../core/json.js";
import type { JsonPath } from "./json-source.js";
import { isSlug } from "./names.js";
import { safeRelativePath } from "./pack-paths.js";
import { atManifest, type PluginContext } from "./plugin-context.js";

/** A path the manifest names, normalised, with where it is written. */
export interface ManifestPath {
  path: string;
  at: JsonPath;
}

export type McpServersField =
  | { kind: "inline"; at: JsonPath; servers: JsonObject }
  | { kind: "files"; files: ManifestPath[] };

export interface PluginManifest {
  name: string;
  version?: string;
  description?: string;
  author?: string;
  /** Extra skill locations (the default `skills/` is always read). */
  skills: ManifestPath[];
  /** Absent: the default `.mcp.json` is read. */
  mcpServers?: McpServersField;
  /** The manifest as written, for the component checks. */
  raw: JsonObject;
  /** True when a field had a shape error (the pack is not built then). */
  broken: boolean;
}

const STRING_FIELDS = ["version", "description", "homepage", "repository", "license", "$schema"] as const;

/** Keys Claude Code defines that packs cannot install; plugin-components.ts reports them. */
export const CLAUDE_ONLY_KEYS = ["commands", "agents", "hooks", "outputStyles", "lspServers", "monitors", "userConfig", "channels"] as const;

/** Of those, the ones whose value may be a path (or a list of paths) inside the plugin. */
const PATH_VALUED_KEYS = new Set(["commands", "agents", "hooks", "outputStyles", "lspServers", "monitors"]);

const KNOWN_KEYS = ["name", ...STRING_FIELDS, "author", "keywords", "skills", "mcpServers", ...CLAUDE_ONLY_KEYS];

export function readPluginManifest(ctx: PluginContext, value: JsonValue): PluginManifest | undefined {
  if (!isJsonObject(value)) {
    ctx.sink.error("pack/wrong-type", `plugin.json must be a JSON object, but it is ${describe(value)}`, atManifest(ctx, []),
      'Write an object: {"name": "my-plugin", "description": "…", "version": "1.0.0"}.');
    return undefined;
  }
  const out: PluginManifest = { name: "", skills: [], raw: value, broken: false };
  const wrongType = (path: JsonPath, expected: string, hint: string) => {
    out.broken = true;
    ctx.sink.error("pack/wrong-type", `${showJsonPath(path)} must be ${expected}, but it is ${describe(valueOf(value, path))}`, atManifest(ctx, path), hint);
  };

  const name = value["name"];
  if (name === undefined) {
    out.broken = true;
    ctx.sink.error("pack/missing-field", "plugin.json has no name", atManifest(ctx, []), 'Add "name": "my-plugin" (lowercase letters, digits and hyphens).');
  } else if (typeof name !== "string") {
    wrongType(["name"], "a string", 'Write the name in double quotes, e.g. "name": "my-plugin".');
  } else if (!isSlug(name)) {
    out.broken = true;
    ctx.sink.error("pack/invalid-name", `plugin name "${name}" is not a slug`, atManifest(ctx, ["name"]),
      "The plugin's name becomes the pack's name: use 2-64 lowercase letters, digits and single hyphens, starting with a letter.");
  } else {
    out.name = name;
  }

  for (const key of STRING_FIELDS) {
    const v = value[key];
    if (v === undefined) continue;
    if (typeof v !== "string") {
      wrongType([key], "a string", key === "version" ? `Quote it: "version": "${String(v)}".` : `Write ${key} as a string in double quotes.`);
    } else if (key === "version" || key === "description") {
      out[key] = v;
    }
  }

  const author = value["author"];
  if (typeof author === "string") out.author = author;
  else if (isJsonObject(author)) {
    if (typeof author["name"] === "string") out.author = author["name"];
    else if (author["name"] === undefined) {
      out.broken = true;
      ctx.sink.error("pack/missing-field", "author has no name", atManifest(ctx, ["author"]), 'Write "author": {"name": "Jane Doe", "email": "…"} or "author": "Jane Doe".');
    } else wrongType(["author", "name"], "a string", 'Write "name": "Jane Doe".');
  } else if (author !== undefined) {
    wrongType(["author"], "a string or an object", 'Write "author": {"name": "Jane Doe"} or "author": "Jane Doe".');
  }

  const keywords = value["keywords"];
  if (keywords !== undefined) {
    if (!Array.isArray(keywords)) wrongType(["keywords"], "a list of strings", 'Write "keywords": ["a", "b"].');
    else keywords.forEach((k, i) => { if (typeof k !== "string") wrongType(["keywords", i], "a string", "Write each keyword in double quotes."); });
  }

  out.skills = pathList(ctx, value, "skills", wrongType) ?? [];
  const mcp = value["mcpServers"];
  if (isJsonObject(mcp)) out.mcpServers = { kind: "inline", at: ["mcpServers"], servers: mcp };
  else if (mcp !== undefined) {
    const files = pathList(ctx, value, "mcpServers", wrongType);
    if (files) out.mcpServers = { kind: "files", files };
  }

  for (const key of CLAUDE_ONLY_KEYS) {
    if (!PATH_VALUED_KEYS.has(key) || value[key] === undefined || isJsonObject(value[key])) continue;
    // Not read, but a path outside the plugin is a sign of a broken or hostile manifest either way.
    pathList(ctx, value, key, wrongType, /* typeChecked */ false);
  }

  for (const key of Object.keys(value)) {
    if (KNOWN_KEYS.includes(key)) continue;
    const near = KNOWN_KEYS.filter((k) => editDistance(key.toLowerCase(), k.toLowerCase()) <= 2);
    ctx.sink.warning("pack/unknown-key", `plugin.json key "${key}" is not one packs reads; it is ignored`, atManifest(ctx, [key], "key"),
      near.length === 1 ? `Did you mean "${near[0]}"? Otherwise it can stay: packs leaves it alone.` : "Keys packs reads: name, version, description, author, skills, mcpServers.");
  }
  return out;
}

/**
 * A path field: one string or a list of strings, each a relative path inside the plugin
 * (`./skills/x`). Unsafe paths are errors. `typeChecked: false` accepts other shapes silently
 * (for keys whose other shapes are inline definitions).
 */
function pathList(
  ctx: PluginContext,
  manifest: JsonObject,
  key: string,
  wrongType: (path: JsonPath, expected: string, hint: string) => void,
  typeChecked = true,
): ManifestPath[] | undefined {
  const v = manifest[key];
  if (v === undefined) return undefined;
  const entries: [JsonPath, JsonValue][] = typeof v === "string" ? [[[key], v]] : Array.isArray(v) ? v.map((item, i) => [[key, i], item]) : [];
  if (typeof v !== "string" && !Array.isArray(v)) {
    if (typeChecked) wrongType([key], "a path or a list of paths", `Write "${key}": "./${key}/" or "${key}": ["./a", "./b"].`);
    return undefined;
  }
  const out: ManifestPath[] = [];
  for (const [path, item] of entries) {
    if (typeof item !== "string") {
      if (typeChecked) wrongType(path, "a path", `Write each entry as a relative path in double quotes, e.g. "./${key}/x".`);
      continue;
    }
    const safe = safeRelativePath(item);
    if (!safe.ok) {
      ctx.sink.error("pack/unsafe-path", `path "${item}" ${safe.reason}`, atManifest(ctx, path),
        `Paths in plugin.json are relative to the plugin's folder and stay inside it: write "./${key}/…" with forward slashes.`);
      continue;
    }
    out.push({ path: safe.path, at: path });
  }
  return out;
}

/** `mcpServers.dbt.args[0]`. */
export function showJsonPath(path: JsonPath): string {
  if (path.length === 0) return "the document";
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? p : `.${p}`)).join("");
}

export function describe(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "a list";
  if (typeof v === "object") return "an object";
  if (typeof v === "string") return `the string ${JSON.stringify(v)}`;
  return `the ${typeof v} ${String(v)}`;
}

function valueOf(root: JsonValue, path: JsonPath): JsonValue | undefined {
  let v: JsonValue | undefined = root;
  for (const seg of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = Array.isArray(v) ? (typeof seg === "number" ? v[seg] : undefined) : (Object.hasOwn(v, seg) ? v[String(seg)] : undefined);
  }
  return v;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}

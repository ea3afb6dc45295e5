/**
 * Items are the unit of ownership (DESIGN §1): a whole file, one member of an object in a
 * shared config file (JSON(C) or TOML, by the file's extension), one element of a shared JSON
 * array identified by a key, or one marked section of a shared Markdown file.
 */
import type { AgentId } from "./agent-id.js";
import type { FileContent } from "./file-content.js";
import { encodePointer, type JsonValue } from "./json.js";

/** How an array element is recognised among the user's elements. */
export type ElementMatch = "exact" | "npm-name";

export type ItemAddress =
  | { kind: "file"; path: string }
  | { kind: "entry"; path: string; pointer: string[] }
  | { kind: "element"; path: string; array: string[]; key: string; match: ElementMatch }
  | { kind: "section"; path: string; id: string };

export type ItemValue =
  | { type: "json"; value: JsonValue }
  | { type: "file"; content: FileContent; hash: string; executable?: true }
  | { type: "text"; text: string };

/** What one pack wants at one address. Several packs wanting one address co-own it. */
export interface DesiredItem {
  address: ItemAddress;
  owner: string;
  /** The agent whose file this is. */
  agent: AgentId;
  /** Agents that read this item (a shared skill folder serves several). */
  serves: AgentId[];
  value: ItemValue;
  /** Short human description, e.g. "MCP server (local: uvx dbt-mcp)". */
  description: string;
  /** Display grouping, e.g. the skill folder `.agents/skills/dbt-model/` for each of its files. */
  group?: string;
  /** Set on the items that carry a pack's instructions (the file or section, and what loads it). */
  instructions?: true;
}

/** The stable identity of an address, as shown to users and used as a map key. */
export function addressId(a: ItemAddress): string {
  switch (a.kind) {
    case "file":
      return a.path;
    case "entry":
      return `${a.path}#${encodePointer(a.pointer)}`;
    case "section":
      return `${a.path}#packs:${a.id}`;
    case "element":
      // The key is a name, not a pointer segment: shown raw (`#/plugin/@scope/pkg`), which stays
      // unambiguous because it is always the last part.
      return `${a.path}#${encodePointer(a.array)}/${a.key}`;
  }
}

/**
 * The identity of an npm plugin spec: its package name without the version range, so
 * `@scope/pkg@^1` and `@scope/pkg@1.2.3` are one plugin. Specs that are not registry names
 * (`file:…`, URLs) are their own identity.
 */
export function npmName(spec: string): string {
  // A URL-like spec (`git+ssh://git@host/…`, `file:…`, `github:o/r`) names no registry package.
  if (/^[a-z][a-z0-9+.-]*:/i.test(spec) && !spec.startsWith("npm:")) return spec;
  const s = spec.startsWith("npm:") ? spec.slice(4) : spec;
  const at = s.indexOf("@", s.startsWith("@") ? 1 : 0);
  return at === -1 ? s : s.slice(0, at);
}

/** The syntax of a structured config file, from its name. */
export type ConfigFormat = "json" | "toml";

export function formatOf(path: string): ConfigFormat {
  return path.endsWith(".toml") ? "toml" : "json";
}

export function elementKey(match: ElementMatch, element: JsonValue): string | undefined {
  if (typeof element !== "string") return undefined;
  return match === "npm-name" ? npmName(element) : element;
}

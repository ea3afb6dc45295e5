/**
 * The normalised packs.yaml: what the rest of packs reads. Plain data, produced only by
 * loadProjectConfig and only when the file has no errors. Defaults are filled in (empty lists and
 * maps), sources are parsed, and nothing is resolved (no network, no file system).
 */
import type { AgentId } from "../core/agent-id.js";
import type { SourceLocation } from "../core/diagnostics.js";

/** Where a pack comes from, as written in `source:` (see parseSourceSpec for the accepted forms). */
export type SourceSpec =
  /** A directory, as written: `./packs/x`, `../x`, `/abs/x`, `packs/x`. Relative to packs.yaml. */
  | { kind: "local"; path: string }
  /**
   * A git remote. `url` is what git is given (`github:o/r` becomes `https://github.com/o/r.git`,
   * `git+<url>` loses its `git+`). `github` is set when the remote is on github.com over HTTPS.
   */
  | { kind: "git"; url: string; github?: { owner: string; repo: string } }
  /** A name in a registry index, with an optional version range. */
  | { kind: "registry"; name: string; range?: string }
  /** An npm package, with an optional version range or tag. */
  | { kind: "npm"; name: string; range?: string }
  /** A local npm-style tarball (`*.tgz`), relative to packs.yaml. */
  | { kind: "tarball"; path: string };

export type SourceKind = SourceSpec["kind"];

/** Per-project settings for one of a pack's MCP servers. Values may hold `${env:NAME}` references. */
export interface McpOverride {
  env?: Record<string, string>;
  headers?: Record<string, string>;
  enabled?: boolean;
}

export interface PackEntry {
  /** The pack's identity in this project (the map key); a safe file name. */
  key: string;
  source: SourceSpec;
  /** `source:` as written. */
  sourceText: string;
  /** git only: tag, branch or commit. */
  ref?: string;
  /** git only: the pack's folder inside the repository; relative, no `..`. */
  path?: string;
  /** Skill groups to enable; empty when omitted. */
  groups: string[];
  /** Components to drop: `skills/<name>`, `mcp/<name>`, `plugins/<npm spec>` or `instructions`. */
  exclude: string[];
  /** Keyed by MCP server name; empty when omitted. */
  mcp: Record<string, McpOverride>;
  /** Per-pack narrowing of the project's agents, duplicates removed; undefined when omitted. */
  agents?: AgentId[];
  /** Of the key. */
  location: SourceLocation;
}

export interface ProjectConfig {
  /** As given to the loader, e.g. "packs.yaml". */
  file: string;
  version: 1;
  /** Duplicates removed; undefined when omitted (the caller detects agents). */
  agents?: AgentId[];
  /** In file order. */
  packs: PackEntry[];
  /** Registry name → index URL or path, as written. */
  registries: Record<string, string>;
  policy: Policy;
  /**
   * `ignore:`: per agent config file (project-relative, normalised: no `./`), the JSON Pointers
   * whose keys agents rewrite themselves, decoded into segments (`*` matches any one key).
   * Omitted when packs.yaml has none.
   */
  ignore?: Record<string, string[][]>;
}

export interface Policy {
  /** Globs over `source:` as written; undefined = every source is allowed. */
  allowSources?: string[];
  /** Pack keys or source globs whose tier claim is believed. */
  trusted: string[];
  floating: "allow" | "warn" | "deny";
}

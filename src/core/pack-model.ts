/**
 * One model for every pack format (PACK.yaml, legacy KIT.yaml; later Claude plugins and APM
 * bundles). Loaders in src/packs/ produce it; core and the agent adapters consume it. Plain data.
 */
import type { FileContent } from "./file-content.js";

export type Tier = "built-in" | "verified" | "community" | "archived";
export const TIERS: readonly Tier[] = ["built-in", "verified", "community", "archived"];

export type Activation = "always" | "detect" | "manual";

/** A file inside a pack. `path` is POSIX, relative to the pack root, never absolute or `..`. */
export interface PackFile {
  path: string;
  content: FileContent;
  /** sha256 SRI (`sha256-<base64>`) of the canonical content (text: BOM stripped, CRLF→LF). */
  hash: string;
  /** Set when the file must be written executable (a skill's script). Not part of the hash. */
  executable?: true;
}

export interface Skill {
  /** The skill's name: a slug, equal to its folder name and to the SKILL.md frontmatter name. */
  name: string;
  description: string;
  /** The skill folder, relative to the pack root. */
  dir: string;
  /** Every file in the skill folder; paths relative to the skill folder (e.g. `SKILL.md`). */
  files: PackFile[];
}

export interface DetectRule {
  /** Globs matched against project-relative POSIX paths. */
  files: string[];
  message?: string;
}

export interface SkillGroup {
  name: string;
  description?: string;
  activation: Activation;
  detect: DetectRule[];
  /** Names of skills in `Pack.skills`. */
  skills: string[];
}

/** The transports a pack may ask for, normalised from the manifest's `type`. */
export type McpTransport = "stdio" | "http" | "sse";

export interface McpServer {
  name: string;
  transport: McpTransport;
  /** stdio: the full command line, `command` followed by `args`. */
  command?: string[];
  /** http / sse */
  url?: string;
  headers?: Record<string, string>;
  /** Values may hold env references, written `${env:NAME}` or `${NAME}`. */
  env?: Record<string, string>;
  /** Variables the user must set; informational. */
  envKeys?: string[];
  description?: string;
  enabled?: boolean;
}

export interface Pack {
  name: string;
  version: string;
  description: string;
  author?: string;
  /** As claimed by the manifest. */
  tier: Tier;
  /**
   * The manifest's path relative to the pack root: `PACK.yaml` or `KIT.yaml`; for a Claude Code
   * plugin `.claude-plugin/plugin.json`, for an APM plugin bundle `plugin.json`.
   */
  manifest: string;
  /** Every skill the pack provides, bundled or listed, each once, sorted by name. */
  skills: Skill[];
  /** Skills named in no group are always installed; grouped ones follow their group. */
  skillGroups: SkillGroup[];
  mcp: McpServer[];
  /** npm specs, as written. */
  plugins: string[];
  instructions?: string;
  detect: DetectRule[];
  /** Every file of the pack tree (for the tree integrity hash), sorted by path. */
  files: PackFile[];
}

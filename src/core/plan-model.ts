/**
 * The plan is data (DESIGN §6.1): a versioned, plain-JSON value that `apply` executes exactly
 * and every view renders. Bump FORMAT_VERSION's minor part for additive changes only.
 */
import type { AgentId } from "./agent-id.js";
import type { Action } from "./decide.js";
import type { Diagnostic } from "./diagnostics.js";
import type { FileContent } from "./file-content.js";
import type { ItemAddress } from "./item.js";
import type { JsonValue } from "./json.js";

export const PLAN_FORMAT_VERSION = "1";

/** A JSON Patch (RFC 6902) operation against the parsed config document. */
export interface PatchOperation {
  op: "add" | "remove" | "replace";
  path: string;
  value?: unknown;
}

export interface PlanItem {
  /** `file`, `file#/json/pointer`, or `file#/array/<key>` */
  address: string;
  target: ItemAddress;
  action: Action;
  blocked: boolean;
  /** The flag the user passed that resolved a conflict or drift, if any. */
  resolved_by?: "force" | "adopt";
  /** Packs that want the item (or, for removals, that owned it). */
  owners: string[];
  agent: AgentId;
  serves: AgentId[];
  description: string;
  /** Why this action, in a sentence a user can act on. */
  reason: string;
  group?: string;
  /** Canonical-value hashes: recorded (last written), live on disk, desired. */
  hashes: { recorded?: string; live?: string; desired?: string };
  /**
   * For config entries that are blocked or change: the value packs last wrote, the value on disk
   * and the value the pack wants, so a view can show the three ways.
   */
  values?: { recorded?: JsonValue; live?: JsonValue; desired?: JsonValue };
  /** For config entries: the operations this item adds to its file's patch. */
  patch?: PatchOperation[];
  /** For files: line counts of the change (added, removed). */
  lines?: { added: number; removed: number };
  /**
   * For a file or marked section whose text changes (or would, when blocked): the unified diff
   * from what is on disk to what the pack wants, hunks only (core/text-diff.ts).
   */
  diff?: string;
}

/** One file apply touches: its bytes' hash at plan time, and what it becomes. */
export interface FileChange {
  path: string;
  /** sha256 SRI of the exact bytes at plan time; null when the file did not exist. */
  before: string | null;
  /** The exact new content; null deletes the file. */
  after: FileContent | null;
  /** Write the file executable (mode 0755 rather than 0644). */
  executable?: true;
}

export interface PlanFiles {
  /** Folders to create before writing (parents first). */
  mkdir: string[];
  writes: FileChange[];
  /** Folders packs created that are empty once the writes are done (children first). */
  rmdir: string[];
}

export interface PlanPack {
  name: string;
  version: string;
  source: string;
  resolved: string;
  tier: string;
  /** The source can move without packs.yaml changing (a branch, an npm range). */
  floating?: true;
  /** How the lock's pin changes: `from` is absent for a pack the lock did not pin yet. */
  pin?: { from?: string; to: string };
  /** Why each skill group is in or out, how the source was reached, and other notes. */
  notes: string[];
}

export interface PlanSummary {
  add: number;
  change: number;
  remove: number;
  blocked: number;
  /** Ownership-only changes: adopted, released or forgotten items. */
  ownership: number;
  unchanged: number;
}

export interface Plan {
  format_version: typeof PLAN_FORMAT_VERSION;
  packs_version: string;
  /** The project root the plan was made for, as given (for display). */
  project: string;
  agents: AgentId[];
  /** Why these agents: named in packs.yaml, or what was detected. */
  agents_reason: string;
  /** Set when the plan covers only some items (`--pack`, `--agent`); the rest stay as they are. */
  scope?: { pack?: string; agent?: string };
  /** Project-level facts worth telling before the items (e.g. a config file packs will create). */
  notes: string[];
  packs: PlanPack[];
  items: PlanItem[];
  /** Agent files: user files edited surgically and files packs owns whole. */
  files: PlanFiles;
  /** packs' own files (sidecars, lock, .packs/.gitignore), written after the agent files. */
  state: FileChange[];
  diagnostics: Diagnostic[];
  summary: PlanSummary;
  /**
   * Per agent, about how many tokens of always-loaded text (instructions, skill names and
   * descriptions) the plan adds and removes; agents it does not change are left out.
   */
  context?: Partial<Record<AgentId, { added: number; removed: number }>>;
  /** True when nothing would change: no item action, no state file change. */
  empty: boolean;
  /** True when a blocked item stops the apply. */
  blocked: boolean;
}

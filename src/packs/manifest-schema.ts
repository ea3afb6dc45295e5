/**
 * The shape of PACK.yaml / KIT.yaml (the altimate-code pack format). Shape only: names, paths,
 * URLs and npm specs are checked afterwards, where the messages can be specific.
 *
 * Objects are strict so unknown keys surface (as warnings). Optional keys also accept `null`:
 * a key written with nothing under it (`skills:` followed only by comments) means "empty".
 */
import { z } from "zod";
import { TIERS, type Tier } from "../core/pack-model.js";

const optional = <T extends z.ZodType>(schema: T) => schema.nullable().optional();

const stringList = z.array(z.string());
const stringMap = z.record(z.string(), z.string());

export const ACTIVATIONS = ["always", "detect", "manual"] as const;
export const MCP_TYPES = ["stdio", "local", "sse", "http", "streamable-http", "remote"] as const;
export type McpType = (typeof MCP_TYPES)[number];

const detectRule = z.strictObject({
  files: stringList,
  message: optional(z.string()),
});

/** `- my-skill`, `- path: skills/x`, or `- source: ./vendor` with an optional `select`. */
const skillEntry = z.union([
  z.string(),
  z.strictObject({
    path: optional(z.string()),
    source: optional(z.string()),
    select: optional(stringList),
  }),
]);

const skillGroup = z.strictObject({
  description: optional(z.string()),
  activation: optional(z.enum(ACTIVATIONS)),
  detect: optional(z.array(detectRule)),
  skills: optional(z.array(skillEntry)),
});

const mcpServer = z.strictObject({
  type: optional(z.enum(MCP_TYPES)),
  command: optional(stringList),
  args: optional(stringList),
  url: optional(z.string()),
  headers: optional(stringMap),
  env: optional(stringMap),
  env_keys: optional(stringList),
  description: optional(z.string()),
  enabled: optional(z.boolean()),
});

export const manifestSchema = z.strictObject({
  name: z.string(),
  description: z.string(),
  version: optional(z.string()),
  author: optional(z.string()),
  tier: optional(z.enum(TIERS as readonly Tier[] as [Tier, ...Tier[]])),
  skills: optional(z.array(skillEntry)),
  skill_groups: optional(z.record(z.string(), skillGroup.nullable())),
  mcp: optional(z.record(z.string(), mcpServer.nullable())),
  plugins: optional(stringList),
  instructions: optional(z.string()),
  detect: optional(z.array(detectRule)),
});

export type Manifest = z.infer<typeof manifestSchema>;
export type SkillEntry = z.infer<typeof skillEntry>;
export type ManifestDetectRule = z.infer<typeof detectRule>;
export type ManifestSkillGroup = z.infer<typeof skillGroup>;
export type ManifestMcpServer = z.infer<typeof mcpServer>;

/**
 * The keys allowed in the object at `path` of a manifest, for "did you mean" hints. Lists and
 * maps of objects are recognised by their parent key.
 */
export function knownKeysAt(path: readonly (string | number)[]): readonly string[] {
  const parent = path[path.length - 2];
  const last = path[path.length - 1];
  if (path.length === 0) return Object.keys(manifestSchema.shape);
  if (path.length === 2 && path[0] === "mcp") return Object.keys(mcpServer.shape);
  if (path.length === 2 && path[0] === "skill_groups") return Object.keys(skillGroup.shape);
  if (parent === "detect" && typeof last === "number") return Object.keys(detectRule.shape);
  if (parent === "skills" && typeof last === "number") return ["path", "source", "select"];
  return [];
}

/** Field names whose list values are command lines: a string there is split on white space in hints. */
export const COMMAND_LINE_KEYS: ReadonlySet<string> = new Set(["command", "args"]);

/**
 * The shape of packs.yaml (DESIGN §2), as zod schemas. The one source of truth for both the
 * loader's type checks and the editor JSON Schema (json-schema.ts). Shape only: rules that need
 * more than one value or a grammar (pack keys, sources, excludes, env references) live in the
 * rule modules, so that each gets its own diagnostic code. `.describe()` texts become editor
 * hover help; `.meta()` adds JSON-Schema-only hints that zod itself does not enforce.
 */
import { z } from "zod";
import { AGENT_IDS } from "../core/agent-id.js";
import { PACK_KEY_PATTERN } from "./pack-key.js";

/**
 * Schemas that also accept YAML null, meaning empty: `packs:` or `groups:` with only comments
 * under it. The loader maps null to [] / {} before checking; json-schema.ts lets editors accept null.
 */
export const nullMeansEmpty = new WeakSet<object>();

function emptyable<T extends z.ZodArray | z.ZodRecord | z.ZodObject>(schema: T, empty: () => unknown) {
  nullMeansEmpty.add(schema);
  return z.preprocess((v) => (v === null ? empty() : v), schema);
}

const list = <T extends z.ZodType>(item: T) => emptyable(z.array(item), () => []);
const map = <T extends z.ZodType>(value: T) => emptyable(z.record(z.string(), value), () => ({}));

export const agentIdSchema = z.enum(AGENT_IDS);

export const agentListSchema = list(agentIdSchema);

const stringMap = map(z.string());

const mcpOverrideFields = z.strictObject({
  env: stringMap.optional().describe("Environment for the server; values may use ${env:NAME} references. Never a literal secret."),
  headers: stringMap.optional().describe("HTTP headers for a remote server; values may use ${env:NAME} references."),
  enabled: z.boolean().optional().describe("false turns the server off in this project."),
});

export const mcpOverrideSchema = emptyable(mcpOverrideFields, () => ({}));

export const packEntrySchema = z.strictObject({
  source: z
    .string()
    .describe("Where the pack comes from: ./local/path, github:owner/repo, git+https://…, git+file://…, registry:name[@range], npm:pkg[@range] or a .tgz path."),
  ref: z.string().min(1, "must not be empty").optional().describe("git sources: tag, branch or commit; the lock pins the commit."),
  path: z.string().min(1, "must not be empty").optional().describe("git sources: the pack's folder inside the repository (relative, no ..)."),
  groups: list(z.string()).optional().describe("Skill groups to enable."),
  exclude: list(z.string().meta({ pattern: "^(skills/.+|mcp/.+|plugins/.+|instructions)$" }))
    .optional()
    .describe("Components to drop: skills/<name>, mcp/<name>, plugins/<npm package> or instructions."),
  mcp: map(mcpOverrideSchema).optional().describe("Per-project overrides of the pack's MCP servers, by server name."),
  agents: agentListSchema.optional().describe("Narrow this pack to some of the project's agents."),
});

export const versionSchema = z.literal(1, {
  error: (issue) => (issue.input === undefined ? 'missing required key "version"' : `unsupported version ${JSON.stringify(issue.input)}`),
});

export const policySchema = z.strictObject({
  allow_sources: list(z.string().min(1, "must not be empty"))
    .optional()
    .describe("Globs over source: as written (e.g. github:acme/*, ./packs/*, registry:*). A pack whose source matches none is refused before anything is fetched."),
  trusted: list(z.string().min(1, "must not be empty"))
    .optional()
    .describe("Pack keys or source globs whose tier claim (verified, built-in) is believed; other packs show as community."),
  floating: z
    .enum(["allow", "warn", "deny"])
    .optional()
    .describe("Sources that can move without packs.yaml changing (branch refs, npm ranges, registry entries without a ref) and MCP servers launched without a version (npx pkg, uvx pkg). warn (default): the plan flags floating sources and warns of unversioned launches; deny: both are errors; allow: no warning."),
});

export const packsYamlSchema = z.strictObject({
  version: versionSchema.describe("The packs.yaml format version. Always 1."),
  agents: agentListSchema.optional().describe("The coding agents to set up. Omitted: detected from what the repository already has."),
  packs: map(packEntrySchema)
    .meta({ propertyNames: { pattern: `^(?!.*\\.\\.)${PACK_KEY_PATTERN.source.slice(1)}` } })
    .optional()
    .describe("The packs this project wants. The key is the pack's identity in this project."),
  registries: map(z.string().min(1, "must not be empty"))
    .optional()
    .describe("Registry indexes by name: an http(s) URL or a path to a JSON file."),
  policy: policySchema.optional().describe("Which sources this project accepts and trusts."),
  ignore: map(list(z.string().meta({ pattern: "^/" })))
    .optional()
    .describe("Keys agents rewrite themselves, never drift: agent config file (project-relative) → JSON Pointers into it, where a * segment matches any one key, e.g. opencode.jsonc: [/mcp/*/enabled]."),
});

export type PacksYamlInput = z.input<typeof packsYamlSchema>;
export type PacksYaml = z.output<typeof packsYamlSchema>;

/** The keys allowed in the mapping at `path` of packs.yaml, for "did you mean" hints. */
export function knownKeysAt(path: readonly (string | number)[]): readonly string[] {
  if (path.length === 0) return Object.keys(packsYamlSchema.shape);
  if (path.length === 1 && path[0] === "policy") return Object.keys(policySchema.shape);
  if (path.length === 2 && path[0] === "packs") return Object.keys(packEntrySchema.shape);
  if (path.length === 4 && path[0] === "packs" && path[2] === "mcp") return Object.keys(mcpOverrideFields.shape);
  return [];
}

/**
 * Read packs.lock.yaml back. Pure: text in, Lock or diagnostics out. A lock packs did not write
 * (hand-edited into a wrong shape, a future lockfile_version) is an error naming the file and
 * what to do; it is never guessed at.
 */
import { parseDocument } from "yaml";
import { z } from "zod";
import type { Diagnostic } from "../core/diagnostics.js";
import { LOCKFILE_VERSION, type Lock } from "./lock-model.js";
import { fastParseYaml } from "./lock-yaml.js";
import { LOCK_HEADER } from "./render-lock.js";

const sri = z.string().regex(/^sha(256|384|512)-[A-Za-z0-9+/]+=*$/, "must be an SRI hash like sha256-…");

const lockPack = z.object({
  kind: z.enum(["local", "git", "registry", "npm", "tarball"]),
  source: z.string(),
  resolved: z.string(),
  url: z.string().optional(),
  ref: z.string().optional(),
  path: z.string().optional(),
  registry: z.object({ name: z.string(), url: z.string(), version: z.string() }).optional(),
  tarball_integrity: sri.optional(),
  floating: z.literal(true).optional(),
  skill_sources: z.record(z.string(), z.object({ url: z.string(), resolved: z.string(), floating: z.literal(true).optional() })).optional(),
  name: z.string(),
  version: z.string(),
  tier: z.string(),
  claimed_tier: z.string().optional(),
  integrity: sri,
  components: z.record(z.string(), sri),
});

const lockItem = z.object({ address: z.string(), agent: z.string(), owners: z.array(z.string()), hash: sri });

const lockSchema = z.object({
  lockfile_version: z.literal(LOCKFILE_VERSION),
  inputs: sri.optional(),
  packs: z.record(z.string(), lockPack).nullable().transform((v) => v ?? {}),
  items: z.array(lockItem).nullable().transform((v) => v ?? []),
});

export function parseLock(file: string, text: string): { lock?: Lock; diagnostics: Diagnostic[] } {
  // A lock exactly as packs writes it is read without the YAML library (see lock-yaml.ts); any
  // other text, and any lock that does not fit the schema, takes the path with positions.
  const fast = text.startsWith(LOCK_HEADER) ? fastParseYaml(text.slice(LOCK_HEADER.length)) : undefined;
  if (fast !== undefined) {
    const parsed = lockSchema.safeParse(fast);
    if (parsed.success) return { lock: parsed.data as Lock, diagnostics: [] };
  }
  const doc = parseDocument(text);
  const fail = (summary: string, line?: number, col?: number): { diagnostics: Diagnostic[] } => ({
    diagnostics: [{
      code: "lock/invalid",
      severity: "error",
      summary: `${file} ${summary}`,
      location: { file, ...(line !== undefined && { line, col: col ?? 1 }) },
      hint: `packs writes this file; undo the hand edit (git checkout ${file}), or delete it and run \`packs lock\` to pin every source again.`,
    }],
  });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    return fail(`is not valid YAML: ${e.message.split("\n")[0]}`, e.linePos?.[0]?.line, e.linePos?.[0]?.col);
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 0 });
  } catch {
    return fail("uses YAML aliases, which packs never writes");
  }
  const version = (value as { lockfile_version?: unknown } | null)?.lockfile_version;
  if (typeof version === "number" && version !== LOCKFILE_VERSION) {
    return {
      diagnostics: [{
        code: "lock/unsupported-version",
        severity: "error",
        summary: `${file} has lockfile_version ${version}; this packs reads version ${LOCKFILE_VERSION}`,
        location: { file },
        hint: "Use the version of packs that wrote the lock (see the project's package.json or CI), or upgrade packs.",
      }],
    };
  }
  const parsed = lockSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = issue.path.map(String);
    const node = doc.getIn(path, true) as { range?: [number, number] } | undefined;
    const pos = node?.range ? lineCol(text, node.range[0]) : undefined;
    return fail(`has an unexpected shape at ${path.join(".") || "the top"}: ${issue.message}`, pos?.line, pos?.col);
  }
  return { lock: parsed.data as Lock, diagnostics: [] };
}

function lineCol(text: string, offset: number): { line: number; col: number } {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return { line, col: offset - before.lastIndexOf("\n") };
}

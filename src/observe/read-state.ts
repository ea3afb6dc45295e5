/**
 * Read what packs recorded: the sidecars under .packs/state/ and, after an interrupted apply,
 * the journal of what it meant to record. A sidecar that does not parse is an error naming it:
 * guessing what packs owns could delete a user's file.
 */
import { z } from "zod";
import { AGENT_IDS } from "../core/agent-id.js";
import type { Diagnostic } from "../core/diagnostics.js";
import type { Sidecar } from "../core/sidecar.js";
import { readTextHash } from "../io/hash.js";
import type { ProjectFs } from "../io/project-fs.js";

export const STATE_DIR = ".packs/state";
export const JOURNAL_PATH = ".packs/tmp/journal.json";

/**
 * A path packs could have written: relative to the project, `/`-separated, never absolute, never
 * `..`. A sidecar naming anything else was not written by packs, and following it could delete
 * or overwrite a file outside the project.
 */
export function isProjectPath(p: string): boolean {
  if (p === "" || p.startsWith("/") || p.startsWith("~") || /^[A-Za-z]:/.test(p) || p.includes("\\") || p.includes("\0")) return false;
  return !p.split("/").some((seg) => seg === ".." || seg === ".");
}
const projectPath = z.string().refine(isProjectPath, { message: "is not a path inside the project (absolute, `..`, or a backslash)" });
/** A container id: `path`, `dir/` or `path#/pointer`. */
const containerId = z.string().refine((c) => isProjectPath(c.split("#")[0]!.replace(/\/$/, "")), { message: "is not a path inside the project (absolute, `..`, or a backslash)" });

const address = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("file"), path: projectPath }),
  z.object({ kind: z.literal("entry"), path: projectPath, pointer: z.array(z.string()) }),
  z.object({ kind: z.literal("element"), path: projectPath, array: z.array(z.string()), key: z.string(), match: z.enum(["exact", "npm-name"]) }),
  z.object({ kind: z.literal("section"), path: projectPath, id: z.string() }),
]);

const sidecarSchema = z.object({
  format_version: z.literal("1"),
  pack: z.string(),
  created: z.array(containerId),
  items: z.record(z.string(), z.object({
    address,
    agent: z.enum(AGENT_IDS),
    written: z.string(),
    base: z.string(),
    value: z.unknown().optional(),
    description: z.string().optional(),
    group: z.string().optional(),
  })),
});

const journalSchema = z.object({
  format_version: z.literal("1"),
  sidecars: z.array(sidecarSchema),
});

export interface RecordedState {
  sidecars: Sidecar[];
  pending: Sidecar[];
  diagnostics: Diagnostic[];
  /** Each sidecar's readTextHash (by path), so a plan can tell an unchanged one without reading it again. */
  textHashes: ReadonlyMap<string, string>;
}

export async function readRecordedState(fs: ProjectFs): Promise<RecordedState> {
  const diagnostics: Diagnostic[] = [];
  const names = ((await fs.list(STATE_DIR)) ?? []).filter((n) => n.endsWith(".json"));
  const sidecars: Sidecar[] = [];
  const textHashes = new Map<string, string>();
  for (const name of names) {
    const path = `${STATE_DIR}/${name}`;
    const text = await fs.readText(path);
    const parsed = parseJson(text, sidecarSchema, path, diagnostics);
    if (!parsed) continue;
    if (`${parsed.pack}.json` !== name) {
      diagnostics.push({ code: "state/sidecar-mismatch", severity: "error", summary: `${path} records pack "${parsed.pack}"`, location: { file: path }, hint: "Restore the file from version control." });
      continue;
    }
    sidecars.push(parsed as Sidecar);
    const hash = readTextHash(text!);
    if (hash !== undefined) textHashes.set(path, hash);
  }
  const journalText = await fs.readText(JOURNAL_PATH);
  const journal = journalText === undefined ? undefined : parseJson(journalText, journalSchema, JOURNAL_PATH, diagnostics);
  return { sidecars, pending: (journal?.sidecars ?? []) as Sidecar[], diagnostics, textHashes };
}

function parseJson<T>(text: string | undefined, schema: z.ZodType<T>, path: string, diagnostics: Diagnostic[]): T | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text ?? "");
  } catch (e) {
    diagnostics.push({ code: "state/invalid-json", severity: "error", summary: `not valid JSON: ${(e as Error).message}`, location: { file: path }, hint: "packs writes this file; restore it from version control (git checkout -- " + path + ")." });
    return undefined;
  }
  const r = schema.safeParse(value);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    diagnostics.push({ code: "state/invalid-sidecar", severity: "error", summary: `${issue.path.join(".") || "document"}: ${issue.message}`, location: { file: path }, hint: "packs writes this file; restore it from version control (git checkout -- " + path + ")." });
    return undefined;
  }
  return r.data;
}
